package cmr.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.config.CmrConfig;
import cmr.testing.Exercises;
import cmr.testing.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The attribution benchmark's synthetic data goes through the real steps: with 1,000 ad events a
 * day, ids 0..999, every tenth (id % 10 = 0) a click, each day's campaign_channel_daily holds 100
 * clicks and 900 impressions (counted by hand from sql/tools/bench_ad_events.sql).
 */
@Exercises({"tools/bench_ad_events", "tools/bench_orders", "tools/bench_campaigns"})
class AttributionBenchTest {
  @Test
  void everyEventOfTheSyntheticDaysIsCounted() {
    SparkSession spark = TestSpark.spark();
    CmrConfig cfg = TestSpark.config(TestSpark.tempDir("attr-bench"), Map.of());
    AttributionBench.run(spark, cfg, 1000, 2);
    List<String> rows =
        TestSpark.rows(
            spark
                .read()
                .format("delta")
                .load(cfg.paths().warehouse() + "/gold/campaign_channel_daily")
                .groupBy("date")
                .agg(
                    org.apache.spark.sql.functions.sum("clicks"),
                    org.apache.spark.sql.functions.sum("impressions")));
    assertEquals(List.of("2026-11-01|100|900", "2026-11-02|100|900"), rows);
  }
}
