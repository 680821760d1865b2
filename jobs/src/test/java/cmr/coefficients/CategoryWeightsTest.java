package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.sql.SqlFiles;
import cmr.testing.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * sql/coefficients/category_weights.sql on hand-made statistics and pools, values worked out by
 * hand from its definition.
 *
 * <p>Every category of channel {@code search} has two campaign-channels with an own slope: suu 2
 * and 1, rho 0.1 (suu / rho = 20 and 10), n 20 and 10 days; and a third of one day without one
 * (b_own NULL, suu 50: it must not count for the slope). With tau2 = 0.01 (the all-channels pool)
 * the category slope's sampling variance is (0.01 * (20^2 + 10^2) + 30) / 30^2 = 35 / 900; with the
 * channel's tau2_roi = 0.02 its log ROI's, over all three, (0.02 * (20^2 + 10^2 + 1^2) + 0.1 * 31)
 * / 31^2 = 13.12 / 961. The other pool rows carry decoy variances (tau2 0.5, tau2_roi 0.9) that
 * must not be used. Equal variances v make DerSimonian-Laird between two categories the sample
 * variance of their estimates (one degree of freedom) minus v, at least 0, and w = tau2_cat /
 * (tau2_cat + v).
 */
class CategoryWeightsTest {
  static final StructType STATS =
      StructType.fromDDL("campaign_id STRING, channel STRING, n BIGINT, suu DOUBLE");
  static final StructType ACTIVE = StructType.fromDDL("campaign_id STRING, category_id STRING");
  static final StructType NOISE =
      StructType.fromDDL("campaign_id STRING, channel STRING, rho DOUBLE, b_own DOUBLE");
  static final StructType POOLS =
      StructType.fromDDL(
          "category_id STRING, channel STRING, "
              + "is_global INT, all_channels INT, groups BIGINT, b_pool DOUBLE, log_roi DOUBLE, "
              + "tau2 DOUBLE, tau2_roi DOUBLE");

  @Test
  void categoriesThatDifferBeyondTheirNoiseKeepPartOfTheirOwnEstimate() {
    // slopes 0.4 and 0.8: sample variance 0.08, tau2_cat = 0.08 - 35/900, w = 1 - (35/900) / 0.08;
    // log ROI 1.0 and 1.2: sample variance 0.02, w = 1 - (13.12/961) / 0.02
    Map<String, Row> out = weights(0.4, 0.8, 1.0, 1.2);
    double vb = 35.0 / 900;
    double vr = 13.12 / 961;
    for (String cat : List.of("apparel", "books")) {
      Row r = out.get("search/" + cat);
      assertEquals(vb, r.<Double>getAs("var_b"), 1e-12);
      assertEquals(vr, r.<Double>getAs("var_roi"), 1e-12);
      assertEquals(0.08 - vb, r.<Double>getAs("tau2_cat_b"), 1e-12);
      assertEquals(1 - vb / 0.08, r.<Double>getAs("w_b"), 1e-12); // 0.5139
      assertEquals(1 - vr / 0.02, r.<Double>getAs("w_roi"), 1e-12); // 0.3174
    }
    // live has one category: nothing to compare, the fixed rule groups / (groups + 20) = 2 / 22
    Row live = out.get("live/apparel");
    assertEquals(2.0 / 22, live.<Double>getAs("w_b"), 1e-12);
    assertEquals(2.0 / 22, live.<Double>getAs("w_roi"), 1e-12);
  }

  @Test
  void categoriesThatDifferNoMoreThanTheirNoiseFollowTheChannel() {
    // slopes 0.55 and 0.65 (sample variance 0.005 < 35/900), log ROI 1.0 and 1.1 (0.005 <
    // 13.12/961)
    Map<String, Row> out = weights(0.55, 0.65, 1.0, 1.1);
    for (String cat : List.of("apparel", "books")) {
      Row r = out.get("search/" + cat);
      assertEquals(0.0, r.<Double>getAs("tau2_cat_b"), 1e-12);
      assertEquals(0.0, r.<Double>getAs("w_b"), 1e-12);
      assertEquals(0.0, r.<Double>getAs("w_roi"), 1e-12);
    }
  }

  private static Map<String, Row> weights(double bA, double bB, double roiA, double roiB) {
    List<Row> stats = new ArrayList<>();
    List<Row> active = new ArrayList<>();
    List<Row> noise = new ArrayList<>();
    String[][] campaigns = {{"a1", "apparel"}, {"a2", "apparel"}, {"b1", "books"}, {"b2", "books"}};
    for (int i = 0; i < campaigns.length; i++) {
      String id = campaigns[i][0];
      boolean first = i % 2 == 0;
      active.add(RowFactory.create(id, campaigns[i][1]));
      stats.add(RowFactory.create(id, "search", first ? 20L : 10L, first ? 2.0 : 1.0));
      noise.add(RowFactory.create(id, "search", 0.1, 0.5));
      String third = id.replace('1', '3').replace('2', '3');
      if (first) {
        active.add(RowFactory.create(third, campaigns[i][1]));
        stats.add(RowFactory.create(third, "search", 1L, 50.0));
        noise.add(RowFactory.create(third, "search", 0.1, null));
      }
      if (campaigns[i][1].equals("apparel")) {
        stats.add(RowFactory.create(id, "live", first ? 20L : 10L, first ? 2.0 : 1.0));
        noise.add(RowFactory.create(id, "live", 0.1, 0.5));
      }
    }
    List<Row> pools =
        List.of(
            RowFactory.create(null, null, 1, 1, 6L, 0.6, 1.1, 0.01, 0.9),
            RowFactory.create(null, "search", 1, 0, 4L, 0.6, 1.1, 0.5, 0.02),
            RowFactory.create(null, "live", 1, 0, 2L, 0.6, 1.1, 0.5, 0.02),
            RowFactory.create("apparel", "search", 0, 0, 2L, bA, roiA, 0.5, 0.9),
            RowFactory.create("books", "search", 0, 0, 2L, bB, roiB, 0.5, 0.9),
            RowFactory.create("apparel", "live", 0, 0, 2L, 0.6, 1.1, 0.5, 0.9));
    SparkSession spark = TestSpark.spark();
    spark.createDataFrame(stats, STATS).createOrReplaceTempView("coef_fit_stats");
    spark.createDataFrame(active, ACTIVE).createOrReplaceTempView("coef_active");
    spark.createDataFrame(noise, NOISE).createOrReplaceTempView("coef_noise");
    spark.createDataFrame(pools, POOLS).createOrReplaceTempView("coef_pools");
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        SqlFiles.run(spark, "coefficients/category_weights", Map.of("pool_groups", 20.0))
            .collectAsList()) {
      out.put(r.getAs("channel") + "/" + r.getAs("category_id"), r);
    }
    assertEquals(3, out.size());
    return out;
  }
}
