package cmr.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.generate.GenerateRequest;
import cmr.generate.SampleDataGenerator;
import cmr.generate.Scale;
import cmr.step.Progress;
import cmr.step.RunOptions;
import cmr.testing.Exercises;
import cmr.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: a backfill over a range gives exactly the tables of running the nights one by one.
 * Generated data with dirty rows, late events and re-sent duplicates over a month boundary; a short
 * late window (1 day) and 2-day settlement cycles so that late data, the {@code final} flag and
 * settlements all come into play within 3 days (kept short: every night costs some 40 Delta
 * commits). Warehouse A runs {@code nightly} for each day in order; warehouse B runs one {@code
 * backfill} of the range (one ingest pass, one silver pass, the gold steps once). Every silver,
 * state and gold table must hold the same rows (as multisets; lineage columns excluded: run ids,
 * ingestion times, and {@code settled_on}, the date of the run that wrote a settlement, which for a
 * backfill is its last date).
 */
@Exercises({
  "bronze/validate_orders",
  "bronze/validate_ad_events",
  "bronze/validate_user_activity",
  "bronze/validate_users",
  "bronze/validate_merchants",
  "bronze/validate_campaigns",
  "silver/orders",
  "silver/ad_events",
  "silver/user_activity",
  "silver/users",
  "silver/merchants",
  "silver/campaigns",
  "state/user_daily",
  "state/merchant_daily_money",
  "state/user_first_active",
  "state/user_month_tiers",
  "gold/campaign_channel_daily",
  "gold/merchant_roi_daily",
  "gold/merchant_roi_monthly",
  "gold/quanzhantui_settlements",
  "gold/daily_kpis",
  "gold/monthly_kpis",
  "gold/new_users_by_source",
  "gold/take_rate_by_dimension",
  "gold/tier_mix",
  "gold/tier_transitions"
})
class BackfillEqualsNightlyTest {
  static final LocalDate FROM = LocalDate.of(2026, 10, 30);
  static final int DAYS = 3;
  static final List<String> GOLD =
      List.of(
          "daily_kpis",
          "monthly_kpis",
          "new_users_by_source",
          "take_rate_by_dimension",
          "tier_mix",
          "tier_transitions",
          "campaign_channel_daily",
          "merchant_roi_daily",
          "merchant_roi_monthly",
          "quanzhantui_settlements");
  static final List<String> SILVER =
      List.of("orders", "ad_events", "user_activity", "users", "merchants", "campaigns");
  static final List<String> STATE =
      List.of("user_daily", "user_first_active", "merchant_daily_money", "user_month_tiers");

  static SparkSession spark;
  static CmrConfig nightly;
  static CmrConfig backfill;

  @BeforeAll
  static void runBothWays() {
    spark = TestSpark.spark();
    Path root = TestSpark.tempDir("backfill-vs-nightly");
    Map<String, String> conf =
        Map.of(
            "ingest.late_days",
            "1",
            "settlement.cycle_days",
            "2",
            "settlement.settlement_lag_days",
            "1",
            "settlement.min_active_days",
            "1",
            "settlement.min_spend",
            "1.00");
    CmrConfig base = TestSpark.config(root, conf);
    Scale scale = Scale.small().with(400, 20, 3, 500, 60, 500);
    SampleDataGenerator.run(
        new GenerateRequest(
            scale,
            FROM,
            DAYS,
            11L,
            root.resolve("landing"),
            root.resolve("truth"),
            true,
            GenerateRequest.DEFAULT_DIRTY_RATE,
            2,
            1),
        Progress.silent());
    nightly = base.withPaths(base.paths().landing(), root.resolve("wh-nightly").toString());
    backfill = base.withPaths(base.paths().landing(), root.resolve("wh-backfill").toString());
    // Training and dashboard export are files for the last date only, not compared here.
    RunOptions quiet = new RunOptions(false, true, false);
    Runner a = new Runner(nightly, spark, Progress.silent());
    for (int i = 0; i < DAYS; i++) {
      a.nightly(FROM.plusDays(i), quiet);
    }
    new Runner(backfill, spark, Progress.silent())
        .backfill(FROM, FROM.plusDays(DAYS - 1L), quiet, false, false);
  }

  @Test
  void goldTablesAreIdentical() {
    assertSame("gold", GOLD);
  }

  @Test
  void silverAndStateTablesAreIdentical() {
    assertSame("silver", SILVER);
    assertSame("state", STATE);
  }

  @Test
  void theRangeExercisesLateDataAndSettlement() {
    String wh = backfill.paths().warehouse();
    Dataset<Row> orders = spark.read().format("delta").load(wh + "/silver/orders");
    assertTrue(orders.where("event_date < arrival_date").count() > 0, "late orders in the range");
    assertTrue(
        spark.read().format("delta").load(wh + "/gold/quanzhantui_settlements").count() > 0,
        "settled cycles in the range");
    assertTrue(
        spark.read().format("delta").load(wh + "/gold/daily_kpis").where("final").count() > 0,
        "final days in the range");
  }

  private static void assertSame(String layer, List<String> tables) {
    List<String> diffs = new ArrayList<>();
    for (String t : tables) {
      Dataset<Row> a = table(nightly, layer, t);
      Dataset<Row> b = table(backfill, layer, t);
      long onlyA = a.exceptAll(b).count();
      long onlyB = b.exceptAll(a).count();
      if (onlyA + onlyB > 0 || a.count() == 0) {
        diffs.add(
            layer
                + "/"
                + t
                + ": "
                + a.count()
                + " rows nightly, "
                + b.count()
                + " backfill, "
                + onlyA
                + " only nightly, "
                + onlyB
                + " only backfill");
      }
    }
    assertEquals(List.of(), diffs);
  }

  private static Dataset<Row> table(CmrConfig cfg, String layer, String name) {
    Dataset<Row> df =
        spark.read().format("delta").load(cfg.paths().warehouse() + "/" + layer + "/" + name);
    for (String c : df.columns()) {
      if (c.startsWith("_") || c.equals("run_id") || c.equals("settled_on")) {
        df = df.drop(c);
      }
    }
    List<String> cols = new ArrayList<>(List.of(df.columns()));
    cols.sort(String::compareTo);
    return df.selectExpr(cols.toArray(String[]::new));
  }
}
