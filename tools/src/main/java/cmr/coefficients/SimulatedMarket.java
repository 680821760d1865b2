package cmr.coefficients;

import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Test fixture generator, shaped like the sample-data generator: whole-site campaigns spending in 4
 * to 7 channels, each with a Hill curve through (planned spend, ROI at plan) with half saturation
 * 0.5-1.6x the plan and exponent 0.8-2 (often S-shaped); daily spend 0.6-1.4x the plan (capped at
 * the budget, plan / 0.85); GMV with 25% noise realised as whole orders; targets mostly reachable,
 * about one in six hard, a few absurd (18). Writes gold/campaign_channel_daily, silver campaigns
 * and merchants snapshots, and a truth folder in the generator's format (docs/architecture.md).
 * Seeded: same output for the same arguments.
 */
final class SimulatedMarket {
  static final List<String> CHANNELS = EvaluateCampaign.CHANNELS;
  static final String[] CATEGORIES = {
    "apparel", "beauty", "electronics", "home", "food", "baby", "sports", "books"
  };

  /** The generator's typical ROI per channel at planned spend, and item prices per category. */
  private static final double[] ROI_EFFECT = {5.0, 4.0, 6.0, 2.5, 3.5, 2.8, 3.2};

  private static final double[] PRICE = {120, 160, 900, 150, 60, 130, 200, 45};

  static final StructType CCD =
      new StructType()
          .add("date", DataTypes.DateType)
          .add("campaign_id", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("impressions", DataTypes.LongType)
          .add("clicks", DataTypes.LongType)
          .add("spend", DataTypes.createDecimalType(18, 2))
          .add("attributed_orders", DataTypes.LongType)
          .add("attributed_gmv", DataTypes.createDecimalType(18, 2))
          .add("roi", DataTypes.DoubleType);
  static final StructType CAMPAIGNS =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("campaign_type", DataTypes.StringType)
          .add("daily_budget", DataTypes.createDecimalType(18, 2))
          .add("target_roi", DataTypes.createDecimalType(18, 4))
          .add("start_date", DataTypes.DateType)
          .add("end_date", DataTypes.DateType)
          .add("snapshot_date", DataTypes.DateType);
  static final StructType MERCHANTS =
      new StructType()
          .add("merchant_id", DataTypes.StringType)
          .add("merchant_type", DataTypes.StringType)
          .add("segment", DataTypes.StringType)
          .add("category_id", DataTypes.StringType)
          .add("snapshot_date", DataTypes.DateType);

  /** Development knobs of the tuning harness (off in the tests): power-law truth, budget slack. */
  private static final boolean POWER_LAW = Boolean.getBoolean("cmr.sim.powerLaw");

  private static final double PLAN_SHARE =
      Double.parseDouble(System.getProperty("cmr.sim.planShare", "0.85"));

  /**
   * Market-wide day effects: weekends sell 15% more per CNY, and a promotion day 9 days before the
   * run date sells twice as much while every campaign spends 30% more.
   */
  private static final boolean DAY_EFFECTS = Boolean.getBoolean("cmr.sim.dayEffects");

  /**
   * Category effects: each (category, channel) multiplies its campaigns' ROI at plan by a factor of
   * log-sd 0.3 and their half saturation by one of log-sd 0.5 (so the slopes differ by category
   * too). Drawn from their own seeded stream: the rest of the market is unchanged.
   */
  private static final boolean CATEGORY_EFFECTS = Boolean.getBoolean("cmr.sim.categoryEffects");

  /** Rows of campaign_channel_daily buffered in the driver before they are written. */
  private static final int CHUNK_ROWS = 500_000;

  private SimulatedMarket() {}

  /**
   * @param coldShare share of campaigns that started 0..13 days before the run date
   * @param spendScale typical planned spend of a campaign's channel, CNY a day (sets order counts)
   */
  static void write(
      SparkSession spark,
      Warehouse wh,
      Path truth,
      LocalDate runDate,
      int campaigns,
      double coldShare,
      double spendScale,
      long seed) {
    write(spark, wh, truth, runDate, campaigns, coldShare, spendScale, seed, DAY_EFFECTS);
  }

  /**
   * @param dayEffects market-wide day effects (see {@link #DAY_EFFECTS})
   */
  static void write(
      SparkSession spark,
      Warehouse wh,
      Path truth,
      LocalDate runDate,
      int campaigns,
      double coldShare,
      double spendScale,
      long seed,
      boolean dayEffects) {
    Random rnd = new Random(seed);
    double[][] catRoi = new double[CATEGORIES.length][7];
    double[][] catHalf = new double[CATEGORIES.length][7];
    Random catRnd = new Random(seed + 1000);
    for (int i = 0; i < CATEGORIES.length; i++) {
      for (int c = 0; c < 7; c++) {
        catRoi[i][c] = CATEGORY_EFFECTS ? Math.exp(0.3 * catRnd.nextGaussian()) : 1;
        catHalf[i][c] = CATEGORY_EFFECTS ? Math.exp(0.5 * catRnd.nextGaussian()) : 1;
      }
    }
    List<Row> ccd = new ArrayList<>();
    int chunks = 0;
    List<Row> camps = new ArrayList<>();
    List<Row> merchants = new ArrayList<>();
    StringBuilder curves =
        new StringBuilder("campaign_id,merchant_id,channel,gmax,half_saturation,hill\n");
    StringBuilder truthCamps =
        new StringBuilder(
            "campaign_id,merchant_id,item_id,daily_budget,target_roi,start_date,end_date\n");
    Date snap = Date.valueOf(runDate);
    for (int k = 0; k < campaigns; k++) {
      String id = String.format("qzt%05d", k);
      String merchant = String.format("m%05d", k);
      int cat = rnd.nextInt(CATEGORIES.length);
      String category = CATEGORIES[cat];
      double price = PRICE[cat] * Math.exp(0.4 * rnd.nextGaussian());
      LocalDate start =
          rnd.nextDouble() < coldShare
              ? runDate.minusDays(rnd.nextInt(14))
              : runDate.minusDays(40 + rnd.nextInt(100));
      // the generator's structure: 4..7 channels, plan spend, Hill curve through (plan, roi * plan)
      int nch = 4 + rnd.nextInt(4);
      List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
      java.util.Collections.shuffle(order, rnd);
      List<Integer> chans = new ArrayList<>(order.subList(0, nch));
      chans.sort(null);
      double size =
          Math.min(4.0, Math.pow(1 - rnd.nextDouble(), -1 / 1.5)) * noise(rnd, 0.3) * spendScale;
      double campaignRoi = noise(rnd, 0.2);
      double[] plan = new double[7];
      HillCurve[] hill = new HillCurve[7];
      double planTotal = 0;
      double gmvAtPlan = 0;
      for (int c : chans) {
        plan[c] = size * (0.3 + 0.7 * rnd.nextDouble());
        double roi = ROI_EFFECT[c] * noise(rnd, 0.35) * campaignRoi * catRoi[cat][c];
        double half = (0.5 + 1.1 * rnd.nextDouble()) * plan[c] * catHalf[cat][c];
        double h = 0.8 + 1.2 * rnd.nextDouble();
        if (POWER_LAW) { // far below half saturation a Hill curve is a power law with exponent h
          half = 1000 * plan[c];
          h = 0.3 + 0.6 * (h - 0.8) / 1.2;
        }
        double gmax =
            roi * plan[c] * (Math.pow(half, h) + Math.pow(plan[c], h)) / Math.pow(plan[c], h);
        hill[c] = new HillCurve(CHANNELS.get(c), gmax, half, h);
        planTotal += plan[c];
        gmvAtPlan += roi * plan[c];
        curves
            .append(
                String.join(
                    ",",
                    id,
                    merchant,
                    CHANNELS.get(c),
                    Double.toString(gmax),
                    Double.toString(half),
                    Double.toString(h)))
            .append('\n');
      }
      double budget = Math.max(50, Math.ceil(planTotal / PLAN_SHARE / 10) * 10);
      double roiAtPlan = gmvAtPlan / planTotal;
      double pick = rnd.nextDouble();
      double target =
          pick < 0.03
              ? 18.0
              : pick < 0.20
                  ? roiAtPlan * (1 + (pick - 0.03) / 0.17 * 0.2)
                  : roiAtPlan * (0.55 + (pick - 0.2) / 0.8 * 0.3);
      target = Math.max(0.5, Math.round(target * 100) / 100.0);
      camps.add(
          RowFactory.create(
              id,
              merchant,
              "item" + k,
              "quanzhantui",
              dec(budget),
              BigDecimal.valueOf(target).setScale(4, RoundingMode.HALF_UP),
              Date.valueOf(start),
              null,
              snap));
      merchants.add(RowFactory.create(merchant, "tmall", "sme", category, snap));
      truthCamps
          .append(
              String.join(
                  ",",
                  id,
                  merchant,
                  "item" + k,
                  Double.toString(budget),
                  Double.toString(target),
                  start.toString(),
                  ""))
          .append('\n');
      for (int d = 27; d >= 0; d--) {
        LocalDate day = runDate.minusDays(d);
        if (day.isBefore(start) || day.equals(runDate) && start.equals(runDate)) {
          continue;
        }
        double[] spendDay = new double[7];
        double total = 0;
        boolean promo = dayEffects && d == 9;
        double dayGmv =
            !dayEffects ? 1 : promo ? 2.0 : day.getDayOfWeek().getValue() >= 6 ? 1.15 : 1.0;
        for (int c : chans) {
          spendDay[c] = plan[c] * (0.6 + 0.8 * rnd.nextDouble()) * (promo ? 1.3 : 1.0);
          total += spendDay[c];
        }
        double scale = total > budget ? budget / total : 1;
        for (int c : chans) {
          double spend = round2(spendDay[c] * scale);
          long orders = poisson(rnd, dayGmv * hill[c].gmv(spend) * noise(rnd, 0.25) / price);
          double gmv = round2(orders * price);
          long clicks = Math.max(1, Math.round(spend / 0.8));
          ccd.add(
              RowFactory.create(
                  Date.valueOf(day),
                  id,
                  CHANNELS.get(c),
                  merchant,
                  clicks * 30,
                  clicks,
                  dec(spend),
                  orders,
                  dec(gmv),
                  gmv / spend));
        }
      }
      if (ccd.size() >= CHUNK_ROWS) {
        chunks = appendChunk(spark, wh, ccd, chunks);
      }
    }
    appendChunk(spark, wh, ccd, chunks);
    spark
        .createDataFrame(camps, CAMPAIGNS)
        .write()
        .format("delta")
        .mode("overwrite")
        .save(wh.silver("campaigns"));
    spark
        .createDataFrame(merchants, MERCHANTS)
        .write()
        .format("delta")
        .mode("overwrite")
        .save(wh.silver("merchants"));
    try {
      Files.createDirectories(truth);
      Files.writeString(truth.resolve("response_curves.csv"), curves);
      Files.writeString(truth.resolve("campaigns.csv"), truthCamps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the buffered rows of campaign_channel_daily (the first chunk replaces the table) and
   * clears the buffer: a market of tens of thousands of campaigns never sits in the driver whole.
   */
  private static int appendChunk(SparkSession spark, Warehouse wh, List<Row> ccd, int chunks) {
    spark
        .createDataFrame(ccd, CCD)
        .write()
        .format("delta")
        .mode(chunks == 0 ? "overwrite" : "append")
        .save(wh.gold("campaign_channel_daily"));
    ccd.clear();
    return chunks + 1;
  }

  private static double noise(Random rnd, double sigma) {
    return Math.exp(sigma * rnd.nextGaussian() - sigma * sigma / 2);
  }

  private static long poisson(Random rnd, double mean) {
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
    }
    double l = Math.exp(-mean);
    long k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static double round2(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  private static BigDecimal dec(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }
}
