package cmr.testing;

import cmr.config.CmrConfig;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.RunOptions;
import cmr.step.Step;
import cmr.step.StepResult;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Hand-made silver rows and a tiny run calendar for attribution and settlement tests. */
public final class Fixtures {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  public final CmrConfig cfg;
  public final Warehouse wh;

  public Fixtures(String prefix, Map<String, String> overrides) {
    this.cfg = TestSpark.config(TestSpark.tempDir(prefix), overrides);
    this.wh = new Warehouse(cfg.paths().warehouse());
  }

  public RunContext ctx(String date, boolean export) {
    return new RunContext(
        TestSpark.spark(),
        cfg,
        wh,
        LocalDate.parse(date),
        "test-" + date,
        RunOptions.defaults().withTrainAndExport(export),
        Progress.silent());
  }

  /** Runs the steps for a date and records them as succeeded, as the nightly pipeline does. */
  public void run(String date, boolean export, Step... steps) {
    RunContext ctx = ctx(date, export);
    RunLog log = new RunLog(ctx.spark(), wh);
    log.record(
        ctx.runId(),
        ctx.runDate(),
        "ingest",
        "succeeded",
        Instant.now(),
        Instant.now(),
        null,
        null);
    for (Step s : steps) {
      StepResult r = s.run(ctx);
      log.record(
          ctx.runId(), ctx.runDate(), s.name(), "succeeded", Instant.now(), Instant.now(), r, null);
    }
  }

  public static Row click(
      String id,
      String user,
      String item,
      String campaign,
      String merchant,
      String channel,
      String cost,
      String time,
      String arrival) {
    return ad(id, "click", user, item, campaign, merchant, channel, cost, time, arrival);
  }

  public static Row impression(
      String id,
      String user,
      String item,
      String campaign,
      String merchant,
      String channel,
      String cost,
      String time,
      String arrival) {
    return ad(id, "impression", user, item, campaign, merchant, channel, cost, time, arrival);
  }

  private static Row ad(
      String id,
      String type,
      String user,
      String item,
      String campaign,
      String merchant,
      String channel,
      String cost,
      String time,
      String arrival) {
    OffsetDateTime t = OffsetDateTime.parse(time);
    return RowFactory.create(
        id,
        type,
        campaign,
        merchant,
        item,
        channel,
        user,
        new BigDecimal(cost),
        Timestamp.from(t.toInstant()),
        eventDate(t),
        Date.valueOf(arrival));
  }

  public static Row pay(
      String id,
      String user,
      String item,
      String merchant,
      String amount,
      String time,
      String arrival) {
    return order(id, "pay", user, item, merchant, amount, time, arrival);
  }

  public static Row refund(
      String id,
      String user,
      String item,
      String merchant,
      String amount,
      String time,
      String arrival) {
    return order(id, "refund", user, item, merchant, amount, time, arrival);
  }

  private static Row order(
      String id,
      String type,
      String user,
      String item,
      String merchant,
      String amount,
      String time,
      String arrival) {
    OffsetDateTime t = OffsetDateTime.parse(time);
    boolean pay = type.equals("pay");
    return RowFactory.create(
        id,
        type,
        "o-" + id,
        user,
        merchant,
        item,
        "apparel",
        pay ? 1 : null,
        new BigDecimal(amount),
        pay ? "alipay" : null,
        Timestamp.from(t.toInstant()),
        eventDate(t),
        Date.valueOf(arrival));
  }

  public static Row campaign(
      String id,
      String merchant,
      String type,
      String targetRoi,
      String start,
      String end,
      String snapshot) {
    return RowFactory.create(
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

  public void addAdEvents(Row... rows) {
    append("ad_events", SilverTables.AD_EVENTS, rows);
  }

  public void addOrders(Row... rows) {
    append("orders", SilverTables.ORDERS, rows);
  }

  public void addCampaigns(Row... rows) {
    append("campaigns", SilverTables.CAMPAIGNS, rows);
  }

  private void append(String table, StructType schema, Row... rows) {
    TestSpark.spark()
        .createDataFrame(List.of(rows), schema)
        .write()
        .format("delta")
        .mode("append")
        .save(wh.silver(table));
  }

  public List<String> gold(String table, String columns) {
    return TestSpark.rows(
        TestSpark.spark()
            .read()
            .format("delta")
            .load(wh.gold(table))
            .selectExpr(columns.split(",")));
  }

  private static Date eventDate(OffsetDateTime t) {
    return Date.valueOf(t.atZoneSameInstant(SHANGHAI).toLocalDate());
  }
}
