package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cmr.sql.SqlFiles;
import cmr.testing.TestSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * sql/coefficients/noise.sql on hand-made sufficient statistics (coef_fit_stats), values worked out
 * by hand from its definition.
 *
 * <p>Series A and B have six spend days with u = -1, -1, 0, 0, 1, 1, so mean u^2 = 2/3, v = u^2 -
 * 2/3 = 1/3, 1/3, -2/3, -2/3, 1/3, 1/3, suu = 4, suv = 0, svv = 4/3. Their GMV is 100 * (1 + 0.5 u
 * + e) with e = +a, -a, +a, -a, +a, -a: e is orthogonal to 1, u and v, so the least-squares
 * relative curve is 1 + 0.5 u and the residual variance sum e^2 / (6 - 3) = 2 a^2. A (a = 0.1): GMV
 * 60, 40, 110, 90, 160, 140: sg = 600, sgu = 200, sgv = 0, sgg = 70,600, residual variance 0.02. B
 * (a = 0.2): GMV 70, 30, 120, 80, 170, 130: sgu = 200, sgv = 0, sgg = 72,400, residual variance
 * 0.08. Both have aov 2 and G = 100, so aov / G = 0.02.
 */
class NoiseTest {
  static final StructType STATS =
      StructType.fromDDL(
          "campaign_id STRING, channel STRING, "
              + "n BIGINT, suu DOUBLE, suv DOUBLE, svv DOUBLE, sg DOUBLE, sgu DOUBLE, sgv DOUBLE, "
              + "sgg DOUBLE, total_gmv DOUBLE, aov DOUBLE");

  @Test
  void ownResidualsOutweighTheModelledNoiseByTheirDegreesOfFreedom() {
    List<Row> stats =
        List.of(
            RowFactory.create(
                "A", "search", 6L, 4.0, 0.0, 4.0 / 3, 600.0, 200.0, 0.0, 70_600.0, 600.0, 2.0),
            RowFactory.create(
                "B", "search", 6L, 4.0, 0.0, 4.0 / 3, 600.0, 200.0, 0.0, 72_400.0, 600.0, 2.0),
            // four days, too few for an own residual variance; GMV 200 in all, G = 50 (the other
            // sums only need det > 0 here)
            RowFactory.create(
                "C", "search", 4L, 1.0, 0.0, 0.5, 200.0, 10.0, 0.0, 12_000.0, 200.0, 2.0));
    Map<String, Row> out = noise(stats);
    // rho0 = the mean excess of the residual variances over aov / G, weighted by n - 3:
    // (3 * (0.02 - 0.02) + 3 * (0.08 - 0.02)) / 6 = 0.03 (above rho_min 0.01)
    for (Row r : out.values()) {
      assertEquals(0.03, r.<Double>getAs("rho0"), 1e-12);
    }
    // modelled: 0.03 + aov / G = 0.05; A: (3 * 0.02 + 5 * 0.05) / (3 + 5) = 0.03875
    assertEquals(0.02, out.get("A").<Double>getAs("resid_var"), 1e-12);
    assertEquals(0.05, out.get("A").<Double>getAs("rho_model"), 1e-12);
    assertEquals(0.03875, out.get("A").<Double>getAs("rho"), 1e-12);
    // B: (3 * 0.08 + 5 * 0.05) / 8 = 0.06125
    assertEquals(0.08, out.get("B").<Double>getAs("resid_var"), 1e-12);
    assertEquals(0.06125, out.get("B").<Double>getAs("rho"), 1e-12);
    // C: no own estimate, the modelled noise 0.03 + 2 / 50 = 0.07
    assertNull(out.get("C").getAs("resid_var"));
    assertEquals(0.07, out.get("C").<Double>getAs("rho"), 1e-12);
  }

  @Test
  void theModelledNoiseIsNeverBelowTheFloorNorInfiniteWithoutOrders() {
    // A alone: its residual variance 0.02 equals aov / G, no excess: rho0 = rho_min = 0.01.
    // D: GMV only on a day without spend (total_gmv 4, none on its 5 spend days: sg = 0), aov 2:
    // G = max(4 / 5, 2 / 20) = 0.8, modelled noise 0.01 + 2 / 0.8 = 2.51.
    Map<String, Row> out =
        noise(
            List.of(
                RowFactory.create(
                    "A", "search", 6L, 4.0, 0.0, 4.0 / 3, 600.0, 200.0, 0.0, 70_600.0, 600.0, 2.0),
                RowFactory.create("D", "live", 5L, 1.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 4.0, 2.0)));
    assertEquals(0.01, out.get("A").<Double>getAs("rho0"), 1e-12);
    assertEquals(0.03, out.get("A").<Double>getAs("rho_model"), 1e-12);
    assertEquals((3 * 0.02 + 5 * 0.03) / 8, out.get("A").<Double>getAs("rho"), 1e-12);
    assertNull(out.get("D").getAs("resid_var"));
    assertEquals(2.51, out.get("D").<Double>getAs("rho"), 1e-12);
  }

  @Test
  void aSeriesExactlyOnACurvedLineHasNoResidualAndRho0WeighsByDegreesOfFreedom() {
    // E: nine days with u = -1, -1, -1, 0, 1, 2, 0, 0, 0 (sum 0, skewed: sum u^3 = 6, so the
    // curvature terms of the fit matter), v = u^2 - 8/9, GMV exactly 100 * (1 + 0.5 u - 0.1 v):
    // its residual variance is 0. aov 0.5, G = 100: excess over aov / G = -0.005, 6 degrees of
    // freedom. With A (3, excess 0) and B (3, excess 0.06):
    // rho0 = (3 * 0 + 3 * 0.06 + 6 * -0.005) / 12 = 0.0125 (an unweighted mean would be 0.0183).
    double[] u = {-1, -1, -1, 0, 1, 2, 0, 0, 0};
    double mu2 = 8.0 / 9;
    double suu = 0;
    double suv = 0;
    double svv = 0;
    double sg = 0;
    double sgu = 0;
    double sgv = 0;
    double sgg = 0;
    for (double x : u) {
      double v = x * x - mu2;
      double g = 100 * (1 + 0.5 * x - 0.1 * v);
      suu += x * x;
      suv += x * v;
      svv += v * v;
      sg += g;
      sgu += g * x;
      sgv += g * v;
      sgg += g * g;
    }
    Map<String, Row> out =
        noise(
            List.of(
                RowFactory.create(
                    "A", "search", 6L, 4.0, 0.0, 4.0 / 3, 600.0, 200.0, 0.0, 70_600.0, 600.0, 2.0),
                RowFactory.create(
                    "B", "search", 6L, 4.0, 0.0, 4.0 / 3, 600.0, 200.0, 0.0, 72_400.0, 600.0, 2.0),
                RowFactory.create("E", "live", 9L, suu, suv, svv, sg, sgu, sgv, sgg, sg, 0.5)));
    assertEquals(0.0, out.get("E").<Double>getAs("resid_var"), 1e-9);
    assertEquals(0.0125, out.get("E").<Double>getAs("rho0"), 1e-9);
    // E: modelled 0.0125 + 0.005 = 0.0175; rho = (6 * 0 + 5 * 0.0175) / (6 + 5)
    assertEquals(0.0175, out.get("E").<Double>getAs("rho_model"), 1e-9);
    assertEquals(5 * 0.0175 / 11, out.get("E").<Double>getAs("rho"), 1e-9);
    // A: (3 * 0.02 + 5 * (0.0125 + 0.02)) / 8
    assertEquals((3 * 0.02 + 5 * 0.0325) / 8, out.get("A").<Double>getAs("rho"), 1e-9);
  }

  private static Map<String, Row> noise(List<Row> stats) {
    SparkSession spark = TestSpark.spark();
    spark.createDataFrame(stats, STATS).createOrReplaceTempView("coef_fit_stats");
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        SqlFiles.run(spark, "coefficients/noise", Map.of("rho_min", 0.01, "noise_days", 5.0))
            .collectAsList()) {
      out.put(r.getAs("campaign_id"), r);
    }
    return out;
  }
}
