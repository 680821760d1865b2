package cmr.coefficients;

import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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

/**
 * Test fixture generator: whole-site campaigns whose attributed GMV per channel follows known
 * Hill curves (some S-shaped) with Poisson order noise, while daily spend varies around a
 * historical plan. Writes gold/campaign_channel_daily, silver campaigns and merchants snapshots,
 * and a truth folder in the generator's format (docs/architecture.md). Seeded: same output for
 * the same arguments.
 */
final class SimulatedMarket {
  static final List<String> CHANNELS = EvaluateCampaign.CHANNELS;
  static final String[] CATEGORIES = {"apparel", "beauty", "electronics", "home", "food", "baby",
      "sports", "books"};
  /** Channel-typical Hill exponents and relative ROI (pooled structure the trainer can learn). */
  private static final double[] HILL = {1.0, 0.8, 1.3, 1.6, 0.9, 0.7, 1.2};
  private static final double[] ROI_EFFECT = {1.3, 1.0, 1.4, 0.6, 0.9, 0.7, 0.8};

  private static final StructType CCD = new StructType()
      .add("date", DataTypes.DateType).add("campaign_id", DataTypes.StringType)
      .add("channel", DataTypes.StringType).add("merchant_id", DataTypes.StringType)
      .add("impressions", DataTypes.LongType).add("clicks", DataTypes.LongType)
      .add("spend", DataTypes.createDecimalType(18, 2))
      .add("attributed_orders", DataTypes.LongType)
      .add("attributed_gmv", DataTypes.createDecimalType(18, 2))
      .add("roi", DataTypes.DoubleType);
  private static final StructType CAMPAIGNS = new StructType()
      .add("campaign_id", DataTypes.StringType).add("merchant_id", DataTypes.StringType)
      .add("item_id", DataTypes.StringType).add("campaign_type", DataTypes.StringType)
      .add("daily_budget", DataTypes.createDecimalType(18, 2))
      .add("target_roi", DataTypes.createDecimalType(18, 4))
      .add("start_date", DataTypes.DateType).add("end_date", DataTypes.DateType)
      .add("snapshot_date", DataTypes.DateType);
  private static final StructType MERCHANTS = new StructType()
      .add("merchant_id", DataTypes.StringType).add("merchant_type", DataTypes.StringType)
      .add("segment", DataTypes.StringType).add("category_id", DataTypes.StringType)
      .add("snapshot_date", DataTypes.DateType);

  private SimulatedMarket() {}

  /**
   * @param coldShare share of campaigns that started 0..13 days before the run date
   * @param spendSigma day-to-day log-spend variation around the historical plan
   */
  static void write(SparkSession spark, Warehouse wh, Path truth, LocalDate runDate, int campaigns,
                    double coldShare, double spendSigma, long seed) {
    Random rnd = new Random(seed);
    List<Row> ccd = new ArrayList<>();
    List<Row> camps = new ArrayList<>();
    List<Row> merchants = new ArrayList<>();
    StringBuilder curves = new StringBuilder("campaign_id,merchant_id,channel,gmax,half_saturation,hill\n");
    StringBuilder truthCamps = new StringBuilder(
        "campaign_id,merchant_id,item_id,daily_budget,target_roi,start_date,end_date\n");
    Date snap = Date.valueOf(runDate);
    for (int k = 0; k < campaigns; k++) {
      String id = String.format("qzt%05d", k);
      String merchant = String.format("m%05d", k);
      String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
      double budget = round2(Math.exp(Math.log(500) + 0.6 * rnd.nextGaussian()));
      double target = round2(1.5 + 2.5 * rnd.nextDouble());
      LocalDate start = rnd.nextDouble() < coldShare ? runDate.minusDays(rnd.nextInt(14))
          : runDate.minusDays(40 + rnd.nextInt(100));
      double quality = Math.exp(0.35 * rnd.nextGaussian());
      double aov = Math.exp(Math.log(120) + 0.5 * rnd.nextGaussian());
      camps.add(RowFactory.create(id, merchant, "item" + k, "quanzhantui", dec(budget),
          BigDecimal.valueOf(target).setScale(4, RoundingMode.HALF_UP), Date.valueOf(start), null, snap));
      merchants.add(RowFactory.create(merchant, "tmall", "sme", category, snap));
      truthCamps.append(String.join(",", id, merchant, "item" + k, Double.toString(budget),
          Double.toString(target), start.toString(), "")).append('\n');
      double[] plan = new double[CHANNELS.size()];
      double sum = 0;
      for (int c = 0; c < plan.length; c++) {
        plan[c] = rnd.nextDouble() < 0.15 ? 0 : Math.exp(0.5 * rnd.nextGaussian());
        sum += plan[c];
      }
      HillCurve[] hill = new HillCurve[plan.length];
      for (int c = 0; c < plan.length; c++) {
        double sRef = budget / 7;
        double h = Math.max(0.5, Math.min(2.2, HILL[c] + 0.25 * rnd.nextGaussian()));
        double half = sRef * Math.exp(Math.log(1.5) + 0.5 * rnd.nextGaussian());
        double roiRef = target * quality * ROI_EFFECT[c] * Math.exp(0.3 * rnd.nextGaussian()) * 1.2;
        double r = Math.pow(sRef / half, h);
        double gmax = roiRef * sRef * (1 + r) / r;
        hill[c] = new HillCurve(CHANNELS.get(c), gmax, half, h);
        curves.append(String.join(",", id, merchant, CHANNELS.get(c), Double.toString(gmax),
            Double.toString(half), Double.toString(h))).append('\n');
      }
      for (int d = 27; d >= 0; d--) {
        LocalDate day = runDate.minusDays(d);
        if (day.isBefore(start) || day.equals(runDate) && start.equals(runDate)) {
          continue;
        }
        for (int c = 0; c < plan.length; c++) {
          if (plan[c] == 0 || rnd.nextDouble() < 0.05) {
            continue;
          }
          double spend = round2(budget * 0.9 * plan[c] / sum * Math.exp(spendSigma * rnd.nextGaussian()));
          if (spend < 0.01) {
            continue;
          }
          long orders = poisson(rnd, hill[c].gmv(spend) / aov);
          double gmv = round2(orders * aov * Math.exp(0.1 * rnd.nextGaussian()));
          long clicks = Math.max(1, Math.round(spend / 0.8));
          ccd.add(RowFactory.create(Date.valueOf(day), id, CHANNELS.get(c), merchant, clicks * 30,
              clicks, dec(spend), orders, dec(gmv), gmv / spend));
        }
      }
    }
    spark.createDataFrame(ccd, CCD).write().format("delta").mode("overwrite")
        .save(wh.gold("campaign_channel_daily"));
    spark.createDataFrame(camps, CAMPAIGNS).write().format("delta").mode("overwrite")
        .save(wh.silver("campaigns"));
    spark.createDataFrame(merchants, MERCHANTS).write().format("delta").mode("overwrite")
        .save(wh.silver("merchants"));
    try {
      Files.createDirectories(truth);
      Files.writeString(truth.resolve("response_curves.csv"), curves);
      Files.writeString(truth.resolve("campaigns.csv"), truthCamps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
