package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.config.CmrConfig;
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
    spark.createDataFrame(ccd, SimulatedMarket.CCD).write().format("delta").save(wh.gold("campaign_channel_daily"));
    Date snap = Date.valueOf(RUN);
    spark.createDataFrame(List.of(
        campaign("k1", "m1", "quanzhantui", "1000.00", "0.5", RUN.minusDays(30), snap),
        campaign("k2", "m1", "quanzhantui", "300.00", "2", RUN, snap),
        campaign("k3", "m1", "search_cpc", "300.00", null, RUN.minusDays(30), snap)), SimulatedMarket.CAMPAIGNS)
        .write().format("delta").save(wh.silver("campaigns"));
    spark.createDataFrame(List.<Row>of(RowFactory.create("m1", "tmall", "sme", "apparel", snap)),
        SimulatedMarket.MERCHANTS).write().format("delta").save(wh.silver("merchants"));

    TrainCoefficients.Result r = new TrainCoefficients(spark, wh,
        ModelSettings.from(cfg.coefficients())).trainAndRecord(RUN);
    // k1 (3 days, < 14: cold_start) and k2 (no days: no_history, funded from the pool, below);
    // k3 is not quanzhantui
    assertEquals(new TrainCoefficients.Result(2, 1, 1, 2), r);

    Row k1 = spark.read().format("delta").load(wh.gold("allocation_coefficients"))
        .where("campaign_id = 'k1' AND channel = 'search'").first();
    // the only campaign-channel with a slope, so the pooled prior equals its own slope: beta 0.5
    assertEquals(0.5, k1.<Double>getAs("beta"), 2e-3);
    // level (sum gmv + c) / sum spend^0.5 = 441.49 / 44.142 = 10.0017
    assertEquals(10.0, k1.<Double>getAs("alpha"), 0.05);
    assertEquals(3, k1.<Integer>getAs("days_observed"));
    assertEquals("cold_start", k1.getAs("status"));
    // cap 1.5 * 400 = 600; cold-start target 0.5 * 1.10 = 0.55: 10/sqrt(s) >= 0.55 needs
    // s <= (10 / 0.55)^2 = 330.58, which binds before the cap and the budget 1000.
    assertEquals(330.58, k1.<BigDecimal>getAs("spend_plan").doubleValue(), 1.5);
    assertEquals(1.0, k1.<Double>getAs("weight"), 1e-12);
    // mu = 0.5 * 10 / sqrt(330.58) = 0.2750 -> bid multiplier 3.636
    assertEquals(3.636, k1.<Double>getAs("bid_multiplier"), 0.01);
    // other channels: nobody ever spent there, so alpha 0 and no spend
    assertEquals(0L, spark.read().format("delta").load(wh.gold("allocation_coefficients"))
        .where("campaign_id = 'k1' AND channel <> 'search' AND (alpha > 0 OR spend_plan > 0)")
        .count());
    Row k2 = spark.read().format("delta").load(wh.gold("allocation_coefficients"))
        .where("campaign_id = 'k2' AND channel = 'search'").first();
    assertEquals("no_history", k2.getAs("status"));
    assertEquals(0, k2.<Integer>getAs("campaign_days"));
    // k2 takes the pooled curve: beta 0.5 and the pool's ROI 441.49 / 700 = 0.6307 at a spend of
    // budget / 7 = 42.857, so alpha = 0.6307 * sqrt(42.857) = 4.129; its target 2 plus the
    // no_history margin (20%) is 2.4: 4.129 / sqrt(s) >= 2.4 needs s <= (4.129 / 2.4)^2 = 2.96.
    assertEquals(4.129, k2.<Double>getAs("alpha"), 0.03);
    assertEquals(2.96, k2.<BigDecimal>getAs("spend_plan").doubleValue(), 0.1);
  }

  static Row ccdRow(LocalDate d, String campaign, double spend, double gmv) {
    return RowFactory.create(Date.valueOf(d), campaign, "search", "m1", 1000L, 100L,
        BigDecimal.valueOf(spend).setScale(2), 1000L, BigDecimal.valueOf(gmv).setScale(2),
        gmv / spend);
  }

  static Row campaign(String id, String merchant, String type, String budget, String target,
                      LocalDate start, Date snap) {
    return RowFactory.create(id, merchant, "item-" + id, type, new BigDecimal(budget),
        target == null ? null : new BigDecimal(target).setScale(4), Date.valueOf(start), null, snap);
  }
}
