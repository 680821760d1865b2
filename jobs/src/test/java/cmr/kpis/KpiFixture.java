package cmr.kpis;

import cmr.state.StateStep;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.RunOptions;
import cmr.step.StepResult;
import cmr.testing.TestSpark;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A temp warehouse with hand-made silver (and settlement) rows, and a runner that runs the {@code
 * kpis} step for a date the way the nightly pipeline does (recording the run in ops/job_runs, which
 * is where the run calendar comes from).
 */
final class KpiFixture {
  /** The columns of gold quanzhantui_settlements the KPI tables read. */
  static final StructType SETTLEMENTS =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("cycle_start", DataTypes.DateType)
          .add("merchant_id", DataTypes.StringType)
          .add("cycle_end", DataTypes.DateType)
          .add("compensation", DataTypes.createDecimalType(18, 2));

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final SparkSession spark = TestSpark.spark();
  final Path dir;
  final Warehouse wh;
  final cmr.config.CmrConfig cfg;
  private int runs;

  KpiFixture(String name) {
    dir = TestSpark.tempDir(name);
    cfg = TestSpark.config(dir, Map.of());
    wh = new Warehouse(cfg.paths().warehouse());
  }

  /** Event date as ingestion computes it: the Asia/Shanghai calendar date of the instant. */
  static Date eventDate(String isoWithOffset) {
    return Date.valueOf(
        OffsetDateTime.parse(isoWithOffset).atZoneSameInstant(SHANGHAI).toLocalDate());
  }

  static Timestamp ts(String isoWithOffset) {
    return Timestamp.from(OffsetDateTime.parse(isoWithOffset).toInstant());
  }

  static Row pay(
      String eventId,
      String orderId,
      String user,
      String merchant,
      String category,
      String amount,
      String payMethod,
      String time) {
    return RowFactory.create(
        eventId,
        "pay",
        orderId,
        user,
        merchant,
        "i-" + orderId,
        category,
        1,
        new BigDecimal(amount),
        payMethod,
        ts(time),
        eventDate(time),
        eventDate(time));
  }

  static Row refund(
      String eventId,
      String orderId,
      String user,
      String merchant,
      String category,
      String amount,
      String time) {
    return RowFactory.create(
        eventId,
        "refund",
        orderId,
        user,
        merchant,
        "i-" + orderId,
        category,
        null,
        new BigDecimal(amount),
        null,
        ts(time),
        eventDate(time),
        eventDate(time));
  }

  static Row activity(String eventId, String user, String source, String time) {
    return RowFactory.create(
        eventId, user, "view", source, null, null, ts(time), eventDate(time), eventDate(time));
  }

  static Row ad(String eventId, String merchant, String cost, String time) {
    return RowFactory.create(
        eventId,
        "click",
        "c1",
        merchant,
        "i1",
        "search",
        "u-ad",
        new BigDecimal(cost),
        ts(time),
        eventDate(time),
        eventDate(time));
  }

  static Row user(String user, String registered, boolean vip, String snapshot) {
    return RowFactory.create(user, Date.valueOf(registered), 0, vip, Date.valueOf(snapshot));
  }

  static Row merchant(String id, String type, String segment, String category, String snapshot) {
    return RowFactory.create(id, type, segment, category, Date.valueOf(snapshot));
  }

  static Row settlement(
      String campaign, String cycleStart, String merchant, String cycleEnd, String compensation) {
    return RowFactory.create(
        campaign,
        Date.valueOf(cycleStart),
        merchant,
        Date.valueOf(cycleEnd),
        new BigDecimal(compensation));
  }

  /** Appends rows to silver/{table} (or gold/quanzhantui_settlements), partitioned like silver. */
  void given(String table, Row... rows) {
    boolean settlements = table.equals("quanzhantui_settlements");
    StructType schema = settlements ? SETTLEMENTS : SilverTables.SCHEMAS.get(table);
    Dataset<Row> df = spark.createDataFrame(List.of(rows), schema);
    String path = settlements ? wh.gold(table) : wh.silver(table);
    String part =
        schema.getFieldIndex("event_date").isDefined()
            ? "event_date"
            : settlements ? "cycle_end" : "snapshot_date";
    df.write().format("delta").mode("append").partitionBy(part).save(path);
  }

  /**
   * Runs the state and kpis steps for {@code date} and records the date as run (a succeeded ingest
   * step, which is what {@link cmr.step.RunCalendar} reads), like a nightly run.
   */
  StepResult run(String date) {
    LocalDate d = LocalDate.parse(date);
    RunContext ctx =
        new RunContext(
            spark, cfg, wh, d, "test-" + (++runs), RunOptions.defaults(), Progress.silent());
    Instant start = Instant.now();
    StateStep state = new StateStep();
    StepResult built = state.run(ctx);
    KpisStep job = new KpisStep();
    StepResult r = job.run(ctx);
    RunLog log = new RunLog(spark, wh);
    log.record(
        ctx.runId(), d, "ingest", "succeeded", start, start, StepResult.of(0, 0, null), null);
    log.record(ctx.runId(), d, state.name(), "succeeded", start, Instant.now(), built, null);
    log.record(ctx.runId(), d, job.name(), "succeeded", start, Instant.now(), r, null);
    return r;
  }

  Dataset<Row> gold(String table) {
    return spark.read().format("delta").load(wh.gold(table));
  }

  /** Sorted rows of a query over a gold table registered as a view named after it. */
  List<String> query(String sql) {
    for (String t :
        List.of(
            "daily_kpis",
            "monthly_kpis",
            "new_users_by_source",
            "take_rate_by_dimension",
            "tier_mix",
            "tier_transitions")) {
      if (Warehouse.exists(spark, wh.gold(t))) {
        gold(t).createOrReplaceTempView("g_" + t);
      }
    }
    return new ArrayList<>(TestSpark.rows(spark.sql(sql)));
  }
}
