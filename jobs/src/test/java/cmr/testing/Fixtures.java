package cmr.testing;

import cmr.config.CmrConfig;
import cmr.export.GoldCatalog;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.RunOptions;
import cmr.step.Step;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one fixture DSL of the step tests: a temp warehouse, hand-made silver (and settlement) rows
 * appended with {@link #given}, and a runner that runs steps for a date the way the nightly
 * pipeline does (recording the run in ops/job_runs, which is where the run calendar comes from).
 * Rows: {@link #pay}, {@link #refund}, {@link #click} and {@link #impression} are fluent builders
 * with defaults; the snapshot rows take their few columns in order.
 */
public final class Fixtures {
  /** The columns of gold quanzhantui_settlements that the KPI tables read. */
  public static final StructType SETTLEMENTS =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("cycle_start", DataTypes.DateType)
          .add("merchant_id", DataTypes.StringType)
          .add("cycle_end", DataTypes.DateType)
          .add("compensation", DataTypes.createDecimalType(18, 2));

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  public final SparkSession spark = TestSpark.spark();
  public final Path dir;
  public final CmrConfig cfg;
  public final Warehouse wh;
  private int runs;

  public Fixtures(String prefix) {
    this(prefix, Map.of());
  }

  public Fixtures(String prefix, Map<String, String> overrides) {
    this.dir = TestSpark.tempDir(prefix);
    this.cfg = TestSpark.config(dir, overrides);
    this.wh = new Warehouse(cfg.paths().warehouse());
  }

  public RunContext ctx(String date, boolean export) {
    return new RunContext(
        spark,
        cfg,
        wh,
        LocalDate.parse(date),
        "test-" + (++runs),
        RunOptions.defaults().withTrainAndExport(export),
        Progress.silent());
  }

  /**
   * Runs the steps for a date and records them as succeeded after a succeeded ingest (which is what
   * {@link cmr.step.RunCalendar} reads), as the nightly pipeline does.
   */
  public void run(String date, boolean export, Step... steps) {
    RunContext ctx = ctx(date, export);
    RunLog log = new RunLog(spark, wh);
    Instant start = Instant.now();
    log.record(ctx.runId(), ctx.runDate(), "ingest", "succeeded", start, start, null, null);
    for (Step s : steps) {
      Instant stepStart = Instant.now();
      log.record(
          ctx.runId(),
          ctx.runDate(),
          s.name(),
          "succeeded",
          stepStart,
          Instant.now(),
          s.run(ctx),
          null);
    }
  }

  /**
   * Appends rows to silver/{table}, partitioned as silver is (or to gold/quanzhantui_settlements,
   * the KPI tables' input from settlement).
   */
  public void given(String table, FixtureRow... rows) {
    boolean settlements = table.equals("quanzhantui_settlements");
    StructType schema = settlements ? SETTLEMENTS : SilverTables.SCHEMAS.get(table);
    List<Row> data = Arrays.stream(rows).map(FixtureRow::row).toList();
    String part =
        schema.getFieldIndex("event_date").isDefined()
            ? "event_date"
            : settlements ? "cycle_end" : "snapshot_date";
    spark
        .createDataFrame(data, schema)
        .write()
        .format("delta")
        .mode("append")
        .partitionBy(part)
        .save(settlements ? wh.gold(table) : wh.silver(table));
  }

  /** A gold table's rows, the given columns (comma-separated expressions), sorted as text. */
  public List<String> gold(String table, String columns) {
    return TestSpark.rows(table(table).selectExpr(columns.split(",")));
  }

  /** A gold table. */
  public Dataset<Row> table(String table) {
    return spark.read().format("delta").load(wh.gold(table));
  }

  /** Sorted rows of a query over the gold tables, each registered as the view g_<table>. */
  public List<String> query(String sql) {
    for (String t : GoldCatalog.KNOWN) {
      if (Warehouse.exists(spark, wh.gold(t))) {
        table(t).createOrReplaceTempView("g_" + t);
      }
    }
    return new ArrayList<>(TestSpark.rows(spark.sql(sql)));
  }

  public static OrderEvent pay(String id) {
    return new OrderEvent(id, "pay");
  }

  public static OrderEvent refund(String id) {
    return new OrderEvent(id, "refund");
  }

  public static AdEvent click(String id) {
    return new AdEvent(id, "click");
  }

  public static AdEvent impression(String id) {
    return new AdEvent(id, "impression");
  }

  /** A silver/user_activity row: a view from {@code source}. */
  public static FixtureRow activity(String id, String user, String source, String time) {
    OffsetDateTime t = OffsetDateTime.parse(time);
    return () ->
        RowFactory.create(
            id,
            user,
            "view",
            source,
            null,
            null,
            Timestamp.from(t.toInstant()),
            eventDate(t),
            eventDate(t));
  }

  /** A silver/users snapshot row. */
  public static FixtureRow user(String user, String registered, boolean vip, String snapshot) {
    return () -> RowFactory.create(user, Date.valueOf(registered), 0, vip, Date.valueOf(snapshot));
  }

  /** A silver/merchants snapshot row. */
  public static FixtureRow merchant(
      String id, String type, String segment, String category, String snapshot) {
    return () -> RowFactory.create(id, type, segment, category, Date.valueOf(snapshot));
  }

  /** A silver/campaigns snapshot row (budget 1000.00, item {@code item-<id>}). */
  public static FixtureRow campaign(
      String id,
      String merchant,
      String type,
      String targetRoi,
      String start,
      String end,
      String snapshot) {
    return () ->
        RowFactory.create(
            id,
            merchant,
            "item-" + id,
            type,
            new BigDecimal("1000.00"),
            targetRoi == null ? null : new BigDecimal(targetRoi),
            Date.valueOf(start),
            end == null ? null : Date.valueOf(end),
            Date.valueOf(snapshot));
  }

  /** A gold/quanzhantui_settlements row (the columns the KPI tables read). */
  public static FixtureRow settlement(
      String campaign, String cycleStart, String merchant, String cycleEnd, String compensation) {
    return () ->
        RowFactory.create(
            campaign,
            Date.valueOf(cycleStart),
            merchant,
            Date.valueOf(cycleEnd),
            new BigDecimal(compensation));
  }

  /** Event date as ingestion computes it: the Asia/Shanghai calendar date of the instant. */
  static Date eventDate(OffsetDateTime t) {
    return Date.valueOf(t.atZoneSameInstant(SHANGHAI).toLocalDate());
  }
}
