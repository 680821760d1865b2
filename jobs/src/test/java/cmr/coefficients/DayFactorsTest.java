package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.sql.SqlFiles;
import cmr.testing.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * sql/coefficients/day_factors.sql on hand-made daily points (coef_points), values worked out by
 * hand from its definition: y = gmv / G - 1 per spend day, date effects by least squares with a
 * common slope on u, f = 1 + delta divided by its median over the dates.
 */
class DayFactorsTest {
  static final StructType POINTS =
      StructType.fromDDL(
          "campaign_id STRING, channel STRING, "
              + "date DATE, spend DOUBLE, gmv DOUBLE, x DOUBLE, u DOUBLE, xbar DOUBLE, v DOUBLE, "
              + "m DOUBLE, n_spend BIGINT, g_mean DOUBLE, aov DOUBLE");
  static final LocalDate D1 = LocalDate.of(2026, 11, 1);

  @Test
  void aDayOnWhichEveryCampaignSoldTwiceAsMuchHasFactor2() {
    // 120 campaign-channels, the same spend every day (u = 0), GMV 10, 10, 20, 10: G = 12.5,
    // y = -0.2, -0.2, 0.6, -0.2, so 1 + delta = 0.8, 0.8, 1.6, 0.8 and the median is 0.8.
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 120; k++) {
      double[] gmv = {10, 10, 20, 10};
      for (int d = 0; d < 4; d++) {
        rows.add(point(k, d, 1, gmv[d], 0, 0, 12.5));
      }
    }
    assertEquals(
        Map.of(D1, 1.0, D1.plusDays(1), 1.0, D1.plusDays(2), 2.0, D1.plusDays(3), 1.0),
        factors(rows, 100));
    // fewer campaign-channels a date than day_min_series: no day effect is estimated
    assertEquals(
        Map.of(D1, 1.0, D1.plusDays(1), 1.0, D1.plusDays(2), 1.0, D1.plusDays(3), 1.0),
        factors(rows, 121));
    // a fifth date on which only 50 of them spent (1 + delta would be 16 / 12.5 = 1.28): not
    // estimated, factor 1, and not part of the median (0.8) that scales the other dates
    for (int k = 0; k < 50; k++) {
      rows.add(point(k, 4, 1, 16, 0, 0, 12.5));
    }
    assertEquals(
        Map.of(
            D1,
            1.0,
            D1.plusDays(1),
            1.0,
            D1.plusDays(2),
            2.0,
            D1.plusDays(3),
            1.0,
            D1.plusDays(4),
            1.0),
        factors(rows, 100));
  }

  @Test
  void aDayOnWhichHalfTheCampaignsSpentMoreIsNotADayEffect() {
    // No day effect; GMV = 10 * (1 + 0.5 u) exactly. Group A spends e^0.4 times more on day 3,
    // group B on day 2: ln spend (0, 0, 0.4, 0) has mean 0.1, u = (-0.1, -0.1, 0.3, -0.1),
    // G = 10 and y = 0.5 u. On days 2 and 3 the mean u is 0.1 and the mean y 0.05: without the
    // common slope (0.5, from the spread of u within a date) they would look like +5% days.
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 120; k++) {
      int high = k % 2 == 0 ? 2 : 1;
      for (int d = 0; d < 4; d++) {
        double x = d == high ? 0.4 : 0;
        double u = x - 0.1;
        rows.add(point(k, d, Math.exp(x), 10 * (1 + 0.5 * u), x, u, 10));
      }
    }
    Map<LocalDate, Double> f = factors(rows, 100);
    for (LocalDate d : f.keySet()) {
      assertEquals(1.0, f.get(d), 1e-9, d.toString());
    }
    assertEquals(4, f.size());
  }

  private static Row point(
      int k, int day, double spend, double gmv, double x, double u, double gMean) {
    return RowFactory.create(
        "k" + k,
        "search",
        Date.valueOf(D1.plusDays(day)),
        spend,
        gmv,
        x,
        u,
        0.0,
        0.0,
        0.0,
        4L,
        gMean,
        10.0);
  }

  private static Map<LocalDate, Double> factors(List<Row> rows, int minSeries) {
    SparkSession spark = TestSpark.spark();
    spark.createDataFrame(rows, POINTS).createOrReplaceTempView("coef_points");
    Map<LocalDate, Double> out = new TreeMap<>();
    for (Row r :
        SqlFiles.run(
                spark,
                "coefficients/day_factors",
                Map.of("day_min_series", (double) minSeries, "day_noise", 0.05))
            .collectAsList()) {
      out.put(r.getDate(0).toLocalDate(), Math.round(r.getDouble(2) * 1e9) / 1e9);
    }
    return out;
  }
}
