package cmr.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.step.Progress;
import cmr.step.RunOptions;
import cmr.testing.Landing;
import cmr.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A pay of 12.345 (three decimals: bad_money) is quarantined on Nov 10; upstream puts a corrected
 * file (12.35) in the landing zone; {@code quarantine replay} brings it through the normal path and
 * daily_kpis.gmv of Nov 10 goes from 100.00 to 112.35. A second replay changes nothing.
 */
class ReplayTest {
  static final LocalDate D1 = LocalDate.of(2026, 11, 10);

  static String pay(String id, String amount) {
    return "{\"event_id\":\""
        + id
        + "\",\"event_type\":\"pay\",\"order_id\":\"o"
        + id
        + "\",\"user_id\":\"u1\",\"merchant_id\":\"m1\",\"item_id\":\"i1\",\"category_id\":\"apparel\","
        + "\"quantity\":1,\"amount\":\""
        + amount
        + "\",\"pay_method\":\"alipay\",\"event_time\":\"2026-11-10T11:00:00+08:00\"}";
  }

  @Test
  void replayedRowsGoThroughTheNormalPathAndGoldIsRecomputed() {
    SparkSession spark = TestSpark.spark();
    Path root = TestSpark.tempDir("replay");
    CmrConfig cfg = TestSpark.config(root, Map.of("ingest.max_reject_rate", "1.0"));
    Landing l = new Landing(root);
    l.write("orders", D1, "part-0.jsonl", pay("p1", "100.00"), pay("p2", "12.345"));
    Runner runner = new Runner(cfg, spark, Progress.silent());
    RunOptions quiet = RunOptions.defaults().withTrainAndExport(false);
    runner.nightly(D1, quiet);
    String wh = cfg.paths().warehouse();
    assertEquals(
        List.of("orders|bad_money|1"),
        TestSpark.rows(
            spark.sql(
                "SELECT source, reason, count(*) FROM delta.`"
                    + wh
                    + "/ops/quarantine` GROUP BY source, reason")));
    assertEquals(List.of("100.00"), gmv(spark, wh));

    // upstream fixes the file: the same two rows, p2 now with a valid amount
    l.write("orders", D1, "part-0.jsonl", pay("p1", "100.00"), pay("p2", "12.35"));
    String summary = runner.replay("orders", D1, "bad_money", quiet);
    assertTrue(summary.contains("quarantined rows 1 -> 0"), summary);
    assertEquals(List.of("112.35"), gmv(spark, wh));
    assertEquals(
        List.of("0"),
        TestSpark.rows(spark.sql("SELECT count(*) FROM delta.`" + wh + "/ops/quarantine`")));
    assertEquals(
        List.of("replay|succeeded|1|1"),
        TestSpark.rows(
            spark.sql(
                "SELECT job, status, rows_in, rows_out FROM delta.`"
                    + wh
                    + "/ops/job_runs` WHERE job = 'replay'")));

    // every commit of the replay's run carries its run id: DESCRIBE HISTORY joins ops/job_runs
    assertEquals(
        List.of("true"),
        TestSpark.rows(
            io.delta.tables.DeltaTable.forPath(spark, wh + "/gold/daily_kpis")
                .history(1)
                .selectExpr("userMetadata")
                .join(
                    spark.read().format("delta").load(wh + "/ops/job_runs"),
                    org.apache.spark.sql.functions.expr("userMetadata = run_id"))
                .selectExpr("count(*) > 0")));

    // idempotent: nothing is left to replay, and nothing changes
    String again = runner.replay("orders", D1, "bad_money", quiet);
    assertTrue(again.startsWith("nothing quarantined for orders dt=2026-11-10"), again);
    assertEquals(List.of("112.35"), gmv(spark, wh));
  }

  private static List<String> gmv(SparkSession spark, String wh) {
    return TestSpark.rows(
        spark.sql(
            "SELECT gmv FROM delta.`" + wh + "/gold/daily_kpis` WHERE date = DATE'2026-11-10'"));
  }
}
