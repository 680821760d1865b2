package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.sql.SqlFiles;
import cmr.testing.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
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
 * sql/coefficients/lag.sql on hand-made daily points, values worked out by hand from its model.
 *
 * <p>Each series spends on eight consecutive days with u = 0, 1, -1, -1, 1, 0, 2, 0, so its seven
 * pairs of consecutive days have u = 1, -1, -1, 1, 0, 2, 0 and yesterday's u, e = 0, 1, -1, -1, 1,
 * 0, 2. e is correlated with u (centred, sum e u = -11/7: spends that follow a pattern), so a
 * regression of GMV on e alone would be biased; with the series' own (1, u, v) projected out (what
 * is left of e has sum of squares 45/7), a relative GMV that is exactly y = 1 + 0.5 u - 0.2 v +
 * beta e gives back beta exactly, whatever the design (v = u^2 - 1; its term makes the projection
 * of v matter: e . v = -23/7 centred). Over those pairs, centred, u . u = 52/7, u . v = 40/7, v . v
 * = 76/7, e . u = -11/7: yesterday's u on today's, given v, phi = (-11/7 - (40/7) (-23/7) / (76/7))
 * / (52/7 - (40/7)^2 / (76/7)) = 1/28, the part of b_lag that a same-day slope has already taken
 * up.
 */
class LagTest {
  static final StructType POINTS =
      StructType.fromDDL(
          "campaign_id STRING, channel STRING, date DATE, u DOUBLE, v DOUBLE, gmv DOUBLE");
  static final StructType FACTORS = StructType.fromDDL("date DATE, factor DOUBLE");
  static final StructType STATS =
      StructType.fromDDL("campaign_id STRING, channel STRING, n BIGINT, sg DOUBLE");
  static final StructType NOISE =
      StructType.fromDDL("campaign_id STRING, channel STRING, rho DOUBLE");
  static final StructType POOLS = StructType.fromDDL("all_channels INT, b_pool DOUBLE");

  static final LocalDate DAY1 = LocalDate.of(2026, 10, 1);
  static final double[] U = {0, 1, -1, -1, 1, 0, 2, 0};

  @Test
  void theLagIsTheSeriesPrecisionWeightedFixedEffectsEstimate() {
    List<Row> points = new ArrayList<>();
    // A: beta 0.1, rho 0.05; B: beta 0.3, rho 0.1 (half the weight).
    // b_lag = (0.1 * E / 0.05 + 0.3 * E / 0.1) / (E / 0.05 + E / 0.1) = (2 + 3) / 30 = 1 / 6,
    // E being the same e . e (after projection) in both series.
    addSeries(points, "A", 0.1, 100);
    addSeries(points, "B", 0.3, 100);
    // A spends again after a gap (day 9 missing): the pair (day 10, day 8) does not count. Day
    // 11 has GMV but no spend (u NULL: an order from an earlier click), so neither the pair
    // (day 11, day 10) nor (day 12, day 11) exists. Their GMV would pull the estimate far off.
    points.add(point("A", DAY1.plusDays(9), 2.0, 3.0, 5_000));
    points.add(point("A", DAY1.plusDays(10), null, null, 500));
    points.add(point("A", DAY1.plusDays(11), 1.0, 0.0, 9_000));
    // C: a strong lag (beta 2), but only five pairs of consecutive days (fewer than lag_min_days
    // 6), with spends that vary (u = 1, -1, -1, 1, 0 over its pairs: M is not degenerate)
    for (int d = 0; d < 6; d++) {
      points.add(
          point(
              "C",
              DAY1.plusDays(d),
              U[d],
              U[d] * U[d] - 1.0,
              100 * (1 + 2 * (d > 0 ? U[d - 1] : 0))));
    }
    Map<String, Object> out =
        lag(
            points,
            List.of(
                RowFactory.create("A", "search", 8L, 800.0),
                RowFactory.create("B", "search", 8L, 800.0),
                RowFactory.create("C", "search", 6L, 600.0)),
            List.of(
                RowFactory.create("A", "search", 0.05),
                RowFactory.create("B", "search", 0.1),
                RowFactory.create("C", "search", 0.05)),
            List.of(),
            0.5);
    assertEquals(1.0 / 6, (Double) out.get("b_lag"), 1e-9);
    assertEquals(2, out.get("series"));
    assertEquals(0.5, (Double) out.get("b_same_day"), 1e-12);
    assertEquals(1.0 / 28, (Double) out.get("phi"), 1e-9);
    // its sampling variance: 1 / sum (e . e) / rho = 1 / (45/7 * (20 + 10)) = 7/1350; shrunk:
    // b = 1/6 - (7/1350) / (1/6) = 61/450
    assertEquals(Math.sqrt(7.0 / 1350), (Double) out.get("b_lag_se"), 1e-9);
    // lag_share = (27/28 * 61/450) / (0.5 + 27/28 * 61/450) = 183/883 (9/37 unshrunk, 0.25
    // without phi either)
    assertEquals(183.0 / 883, (Double) out.get("lag_share"), 1e-9);
  }

  @Test
  void gmvIsDividedByTheDayFactorsAndTheShareIsClamped() {
    // A with beta 0.1, but the market sold twice as much on day 4 (factor 2), and A's GMV that
    // day is doubled: divided by the factor it is back on the line, b_lag = 0.1.
    List<Row> points = new ArrayList<>();
    addSeries(points, "A", 0.1, 100);
    points.replaceAll(
        r ->
            r.getDate(2).toLocalDate().equals(DAY1.plusDays(3))
                ? RowFactory.create("A", "search", r.get(2), r.get(3), r.get(4), 2 * r.getDouble(5))
                : r);
    List<Row> stats = List.<Row>of(RowFactory.create("A", "search", 8L, 800.0));
    // rho 0.001: a precise estimate (variance 1 / (45/7 * 1000) = 7/45000, shrunk by 7/4500)
    List<Row> noise = List.<Row>of(RowFactory.create("A", "search", 0.001));
    List<Row> factors = List.<Row>of(RowFactory.create(Date.valueOf(DAY1.plusDays(3)), 2.0));
    Map<String, Object> out = lag(points, stats, noise, factors, 0.15);
    assertEquals(0.1, (Double) out.get("b_lag"), 1e-9);
    // b = 0.1 - 7/4500; (27/28 * b) / (0.15 + 27/28 * b) = 0.388, above lag_share_max 0.3
    assertEquals(0.3, (Double) out.get("lag_share"), 1e-12);
    // a same-day slope so negative that the steady state would be too: no share
    out = lag(points, stats, noise, factors, -0.5);
    assertEquals(0.0, (Double) out.get("lag_share"), 1e-12);
    // the same lag measured with rho 0.05 (variance 7/900): b = 0.1 - (7/900) / 0.1 = 1/45,
    // share (27/28 * 1/45) / (0.15 + 27/28 * 1/45) = 1/8
    out = lag(points, stats, List.<Row>of(RowFactory.create("A", "search", 0.05)), factors, 0.15);
    assertEquals(0.125, (Double) out.get("lag_share"), 1e-9);
    // and a lag of 0.05 with that noise is within one standard error of 0 (7/900 / 0.05 > 0.05):
    // no share
    points.clear();
    addSeries(points, "A", 0.05, 100);
    out = lag(points, stats, List.<Row>of(RowFactory.create("A", "search", 0.05)), List.of(), 0.15);
    assertEquals(0.05, (Double) out.get("b_lag"), 1e-9);
    assertEquals(0.0, (Double) out.get("lag_share"), 1e-12);
    // a negative response to yesterday's spend (beta -0.1) is noise or pull-forward: share 0
    points.clear();
    addSeries(points, "A", -0.1, 100);
    out = lag(points, stats, noise, List.of(), 0.5);
    assertEquals(-0.1, (Double) out.get("b_lag"), 1e-9);
    assertEquals(0.0, (Double) out.get("lag_share"), 1e-12);
    // no series with enough pairs of days: no estimate, share 0
    points.subList(3, points.size()).clear();
    out = lag(points, stats, noise, List.of(), 0.5);
    assertEquals(null, out.get("b_lag"));
    assertEquals(0.0, (Double) out.get("lag_share"), 1e-12);
  }

  /** A series of eight spend days with G = sg / n = g and GMV g * (1 + 0.5 u - 0.2 v + beta e). */
  private static void addSeries(List<Row> points, String id, double beta, double g) {
    for (int d = 0; d < U.length; d++) {
      double e = d > 0 ? U[d - 1] : 0;
      double v = U[d] * U[d] - 1.0;
      points.add(point(id, DAY1.plusDays(d), U[d], v, g * (1 + 0.5 * U[d] - 0.2 * v + beta * e)));
    }
  }

  private static Row point(String id, LocalDate day, Double u, Double v, double gmv) {
    return RowFactory.create(id, "search", Date.valueOf(day), u, v, gmv);
  }

  private static Map<String, Object> lag(
      List<Row> points, List<Row> stats, List<Row> noise, List<Row> factors, double bPool) {
    SparkSession spark = TestSpark.spark();
    spark.createDataFrame(points, POINTS).createOrReplaceTempView("coef_points");
    spark.createDataFrame(factors, FACTORS).createOrReplaceTempView("coef_day_factors");
    spark.createDataFrame(stats, STATS).createOrReplaceTempView("coef_fit_stats");
    spark.createDataFrame(noise, NOISE).createOrReplaceTempView("coef_noise");
    spark
        .createDataFrame(List.of(RowFactory.create(1, bPool), RowFactory.create(0, 9.0)), POOLS)
        .createOrReplaceTempView("coef_pools");
    List<Row> rows =
        SqlFiles.run(spark, "coefficients/lag", Map.of("lag_min_days", 6.0, "lag_share_max", 0.3))
            .collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    Map<String, Object> out = new HashMap<>();
    for (String f : List.of("b_lag", "b_lag_se", "phi", "series", "b_same_day", "lag_share")) {
      out.put(f, r.getAs(f));
    }
    return out;
  }
}
