package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.config.CmrConfig;
import cmr.testing.Exercises;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The Spark trainer on a fixture small enough to work out by hand. */
@Exercises({
  "coefficients/curves",
  "coefficients/daily_points",
  "coefficients/fit_stats",
  "coefficients/pools"
})
class TrainCoefficientsTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void fitsAPowerLawAndAllocatesUnderTheTarget() {
    SparkSession spark = TestSpark.spark();
    Path root = TestSpark.tempDir("coef-train");
    CmrConfig cfg = TestSpark.config(root, Map.of());
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    // k1 spent 100, 200, 400 on search with GMV exactly 10 * sqrt(spend) = 100, 141.42, 200
    // (1000 orders a day, so the half-order floor c = 0.5 * 441.42 / 3000 = 0.074 barely moves
    // the fit). k2 started today: no history. k3 is a search_cpc campaign: not planned.
    // A row from before the 28-day window (2026-10-23) must be ignored.
    List<Row> ccd = new ArrayList<>();
    ccd.add(ccdRow(RUN.minusDays(2), "k1", 100, 100.00));
    ccd.add(ccdRow(RUN.minusDays(1), "k1", 200, 141.42));
    ccd.add(ccdRow(RUN, "k1", 400, 200.00));
    ccd.add(ccdRow(RUN.minusDays(28), "k1", 5000, 1.00));
    spark
        .createDataFrame(ccd, SimulatedMarket.CCD)
        .write()
        .format("delta")
        .save(wh.gold("campaign_channel_daily"));
    Date snap = Date.valueOf(RUN);
    spark
        .createDataFrame(
            List.of(
                campaign("k1", "m1", "quanzhantui", "1000.00", "0.5", RUN.minusDays(30), snap),
                campaign("k2", "m1", "quanzhantui", "300.00", "2", RUN, snap),
                campaign("k3", "m1", "search_cpc", "300.00", null, RUN.minusDays(30), snap)),
            SimulatedMarket.CAMPAIGNS)
        .write()
        .format("delta")
        .save(wh.silver("campaigns"));
    spark
        .createDataFrame(
            List.<Row>of(RowFactory.create("m1", "tmall", "sme", "apparel", snap)),
            SimulatedMarket.MERCHANTS)
        .write()
        .format("delta")
        .save(wh.silver("merchants"));

    TrainCoefficients.Result r =
        new TrainCoefficients(spark, wh, ModelSettings.from(cfg.coefficients()))
            .trainAndRecord(RUN);
    // k1 (3 days, < 14: cold_start) and k2 (no days: no_history, funded from the pool, below);
    // k3 is not quanzhantui
    assertEquals(new TrainCoefficients.Result(2, 1, 1, 2), r);

    Row k1 =
        spark
            .read()
            .format("delta")
            .load(wh.gold("allocation_coefficients"))
            .where("campaign_id = 'k1' AND channel = 'search'")
            .first();
    // By hand (fit_stats.sql, pools.sql, curves.sql): x = ln 100, ln 200, ln 400, centre ln 200,
    // u = -ln2, 0, ln2, m = 2 ln^2 2 / 3 = 0.32030, v = u^2 - m = 0.16015, -0.32030, 0.16015;
    // suu = 0.96091, suv = 0, svv = 0.15389; G = 441.42 / 3 = 147.14, sgu = 100 ln2 = 69.315,
    // sgv = 0.16015 * 300 - 0.32030 * 141.42 = 2.748. Own b = sgu / (G suu) = 0.49025,
    // c = sgv / (G svv) = 0.12136; the only campaign-channel, so the pools equal it (rho0 at its
    // floor 0.01, tau2 and tau2_roi at theirs, 0.0025). Slope at the centre b / (1 - c m)
    // = 0.49025 / 0.96113 = 0.51007, curvature c - (b^2 + tau2) / 2 = -0.00007 (about 0);
    // level (ROI 441.42 / 700, the prior's the same) * 233.33 * 0.96113 = 141.43 (true
    // 10 sqrt(200) = 141.42). Cold-start target 0.5 * 1.10 = 0.55: 141.43 (s/200)^0.51 / s = 0.55
    // at s = 200 * (141.43 / 110)^(1 / 0.49) = 334.0, inside [100, 1.2 * 400].
    assertEquals(334.0, k1.<BigDecimal>getAs("spend_plan").doubleValue(), 1.5);
    // the file's power law is the local one at the plan: beta 0.510, alpha = 0.55 * 334.0 /
    // 334.0^0.51 = 183.7 / 19.37 = 9.48
    assertEquals(0.510, k1.<Double>getAs("beta"), 2e-3);
    assertEquals(9.48, k1.<Double>getAs("alpha"), 0.05);
    assertEquals(3, k1.<Integer>getAs("days_observed"));
    assertEquals("cold_start", k1.getAs("status"));
    assertEquals(1.0, k1.<Double>getAs("weight"), 1e-12);
    // mu = gmv'(s) = ROI * elasticity = 0.55 * 0.51 = 0.2805 -> bid multiplier 3.565
    assertEquals(3.565, k1.<Double>getAs("bid_multiplier"), 0.01);
    // other channels: nobody ever spent there, so alpha 0 and no spend
    assertEquals(
        0L,
        spark
            .read()
            .format("delta")
            .load(wh.gold("allocation_coefficients"))
            .where("campaign_id = 'k1' AND channel <> 'search' AND (alpha > 0 OR spend_plan > 0)")
            .count());
    Row k2 =
        spark
            .read()
            .format("delta")
            .load(wh.gold("allocation_coefficients"))
            .where("campaign_id = 'k2' AND channel = 'search'")
            .first();
    assertEquals("no_history", k2.getAs("status"));
    assertEquals(0, k2.<Integer>getAs("campaign_days"));
    // k2 takes the pooled curve: slope 0.49025 and the pool's ROI exp(ln((441.42 + 0.5 * 0.147)
    // / 700)) = 0.6307 at a spend of budget / 7 = 42.857 (level 27.03); its target 2 plus the
    // no_history margin (20%) is 2.4: 27.03 (s / 42.857)^0.49025 / s = 2.4 at
    // s = 42.857 * (2.4 * 42.857 / 27.03)^(-1 / 0.50975) = 3.11, and alpha = 2.4 * 3.11 /
    // 3.11^0.4903 = 4.28.
    assertEquals(4.28, k2.<Double>getAs("alpha"), 0.03);
    assertEquals(3.11, k2.<BigDecimal>getAs("spend_plan").doubleValue(), 0.1);
  }

  static Row ccdRow(LocalDate d, String campaign, double spend, double gmv) {
    return RowFactory.create(
        Date.valueOf(d),
        campaign,
        "search",
        "m1",
        1000L,
        100L,
        BigDecimal.valueOf(spend).setScale(2),
        1000L,
        BigDecimal.valueOf(gmv).setScale(2),
        gmv / spend);
  }

  static Row campaign(
      String id,
      String merchant,
      String type,
      String budget,
      String target,
      LocalDate start,
      Date snap) {
    return RowFactory.create(
        id,
        merchant,
        "item-" + id,
        type,
        new BigDecimal(budget),
        target == null ? null : new BigDecimal(target).setScale(4),
        Date.valueOf(start),
        null,
        snap);
  }
}
