package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.sql.SqlFiles;
import cmr.testing.TestSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * sql/coefficients/evaluation_summary.sql on four hand-made campaigns. Regret is {@code 1 - gmv /
 * opt_gmv}; a plan meets the target when its ROI >= 97% of it or it spends nothing; percentiles
 * interpolate linearly between the sorted regrets.
 */
class EvaluationSummaryTest {
  @Test
  void cohortsRegretPercentilesAndTheRoiShare() {
    SparkSession spark = TestSpark.spark();
    // id, days, target, ours spend, ours gmv, opt gmv (baselines: spend 100, gmv 100)
    Object[][] c = {
      {"a", 28, 2.0, 100.0, 190.0, 200.0}, // regret 0.05; ROI 1.9 < 0.97 * 2 = 1.94: not met
      {"b", 28, 2.0, 100.0, 300.0, 300.0}, // regret 0; met
      {"c", 20, 3.0, 0.0, 0.0, 150.0}, // spends nothing: regret 1, met
      {"d", 5, 3.0, 50.0, 200.0, 250.0}, // cold start: regret 0.2; ROI 4 >= 2.91, met
    };
    List<Row> rows = new java.util.ArrayList<>();
    for (Object[] r : c) {
      rows.add(
          RowFactory.create(
              r[0], r[1], "ok", 500.0, r[2], r[3], r[4], 100.0, r[5], 100.0, 100.0, 100.0, 100.0));
    }
    spark.createDataFrame(rows, EvaluateCampaign.SCHEMA).createOrReplaceTempView("coef_eval");
    Map<String, double[]> got = new HashMap<>();
    for (Row r :
        SqlFiles.run(
                spark,
                "tools/evaluation_summary",
                Map.of("history_days", 14, "full_days", 28, "roi_share", 0.97))
            .collectAsList()) {
      if (r.getString(1).equals("ours")) {
        got.put(
            r.getString(0),
            new double[] {
              r.getLong(2), r.getDouble(3), r.getDouble(4), ((Number) r.get(5)).doubleValue()
            });
      }
    }
    assertEquals(3, got.size(), got.keySet().toString());
    // full window: a, b. regrets {0, 0.05}: median 0.025, p90 0.045; met 1 of 2
    assertArrayEquals(new double[] {2, 0.025, 0.045, 0.5}, got.get("history_full_window"));
    // >= 14 days: a, b, c. regrets {0, 0.05, 1}: median 0.05, p90 at 1.8: 0.05 + 0.8 * 0.95
    assertArrayEquals(new double[] {3, 0.05, 0.81, 2.0 / 3}, got.get("history_14d_plus"));
    assertArrayEquals(new double[] {1, 0.2, 0.2, 1.0}, got.get("cold_start"));
  }

  private static void assertArrayEquals(double[] want, double[] got) {
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-12, "field " + i);
    }
  }
}
