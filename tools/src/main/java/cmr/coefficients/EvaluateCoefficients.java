package cmr.coefficients;

import static org.apache.spark.sql.functions.col;

import cmr.errors.Errors;
import cmr.loader.Coefficients;
import cmr.loader.CoefficientsException;
import cmr.loader.CoefficientsLoader;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code cmr coefficients evaluate}: scores the live published version against the generator's
 * truth (true Hill curves per campaign and channel, budgets and targets). Per campaign, on the
 * executors ({@link EvaluateCampaign}): true GMV and ROI of the plan, the true optimum, and two
 * baselines; then median and p90 regret and the share of campaigns reaching 97% of the target ROI,
 * for campaigns with >= 14 days of history, for those with spend on every day of the training
 * window (the cohort of the targets), and for cold starts ({@code evaluation_summary.sql}).
 */
public final class EvaluateCoefficients {
  public static final double ROI_SHARE = 0.97;
  public static final int HISTORY_DAYS = 14;

  private static final StructType CURVES =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("gmax", DataTypes.DoubleType)
          .add("half_saturation", DataTypes.DoubleType)
          .add("hill", DataTypes.DoubleType);
  private static final StructType TRUTH_CAMPAIGNS =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("daily_budget", DataTypes.DoubleType)
          .add("target_roi", DataTypes.DoubleType)
          .add("start_date", DataTypes.StringType)
          .add("end_date", DataTypes.StringType);
  private static final StructType PLAN =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("weight", DataTypes.DoubleType)
          .add("spend_plan", DataTypes.DoubleType)
          .add("alpha", DataTypes.DoubleType)
          .add("beta", DataTypes.DoubleType)
          .add("days_observed", DataTypes.IntegerType);

  private final SparkSession spark;
  private final Warehouse wh;
  private final Path publishedDir;
  private final int fullDays;

  /**
   * @param fullDays the training window's length: campaigns with spend on every day of it are also
   *     reported as the cohort {@code history_full_window}
   */
  public EvaluateCoefficients(SparkSession spark, Warehouse wh, Path publishedDir, int fullDays) {
    this.spark = spark;
    this.wh = wh;
    this.publishedDir = publishedDir;
    this.fullDays = fullDays;
  }

  /** One line of the report. */
  public record Line(
      String cohort,
      String plan,
      long campaigns,
      double medianRegret,
      double p90Regret,
      double shareRoiMet) {
    @Override
    public String toString() {
      return String.format(
          "%-19s %-11s %9d %14.2f%% %11.2f%% %15.1f%%",
          cohort, plan, campaigns, medianRegret * 100, p90Regret * 100, shareRoiMet * 100);
    }
  }

  public record Report(String version, List<Line> lines) {
    public Line line(String cohort, String plan) {
      return lines.stream()
          .filter(l -> l.cohort.equals(cohort) && l.plan.equals(plan))
          .findFirst()
          .orElse(null);
    }

    public String format() {
      StringBuilder sb =
          new StringBuilder("evaluation of " + version + " against the true curves\n");
      sb.append(
          String.format(
              "%-19s %-11s %9s %15s %12s %16s%n",
              "cohort", "plan", "campaigns", "median regret", "p90 regret", "ROI >= 97% tgt"));
      lines.forEach(l -> sb.append(l).append('\n'));
      return sb.toString();
    }
  }

  /** Per-campaign evaluation rows of {@link EvaluateCampaign#SCHEMA} (lazy). */
  public Dataset<Row> perCampaign(Path truth) {
    Path dir = Files.isDirectory(truth) ? truth : truth.toAbsolutePath().getParent();
    Path curvesFile = dir.resolve("response_curves.csv");
    Path campaignsFile = dir.resolve("campaigns.csv");
    if (!Files.isRegularFile(curvesFile) || !Files.isRegularFile(campaignsFile)) {
      throw Errors.usage(
          "--truth " + truth,
          "response_curves.csv and campaigns.csv not found there",
          "pass the generator's truth folder (cmr.paths.truth) or its response_curves.csv");
    }
    Coefficients live;
    try {
      live = CoefficientsLoader.loadLatest(publishedDir);
    } catch (CoefficientsException e) {
      throw Errors.input(
          "evaluate",
          publishedDir.toString(),
          "no loadable published version: " + e.getMessage(),
          "publish coefficients first (cmr coefficients publish)");
    }
    Path version = publishedDir.resolve(live.version());
    Dataset<Row> plan =
        spark
            .read()
            .option("header", "true")
            .schema(PLAN)
            .csv(version.resolve("channels.csv").toString());
    Dataset<Row> planned =
        spark
            .read()
            .option("header", "true")
            .csv(version.resolve("campaigns.csv").toString())
            .select("campaign_id");
    Dataset<Row> hist =
        spark
            .read()
            .format("delta")
            .load(wh.gold(HistoryRows.TABLE))
            .where(col("run_date").equalTo(java.sql.Date.valueOf(live.manifest().runDate())))
            .select("campaign_id", "channel", "campaign_days", "status", "hist_spend", "hist_gmv");
    Dataset<Row> curves =
        spark
            .read()
            .option("header", "true")
            .schema(CURVES)
            .csv(curvesFile.toString())
            .drop("merchant_id");
    Dataset<Row> truthCampaigns =
        spark
            .read()
            .option("header", "true")
            .schema(TRUTH_CAMPAIGNS)
            .csv(campaignsFile.toString())
            .selectExpr("campaign_id", "daily_budget AS budget", "target_roi");
    Dataset<Row> rows =
        planned
            .join(truthCampaigns, "campaign_id")
            .join(hist, "campaign_id")
            .join(
                plan.select("campaign_id", "channel", "spend_plan"),
                new String[] {"campaign_id", "channel"},
                "left")
            .join(curves, new String[] {"campaign_id", "channel"}, "left");
    return rows.groupByKey(
            (MapFunction<Row, String>) r -> r.getAs("campaign_id"), Encoders.STRING())
        .mapGroups(new EvaluateCampaign(), Encoders.row(EvaluateCampaign.SCHEMA));
  }

  public Report evaluate(Path truth) {
    String version = CoefficientsLoader.readLatest(publishedDir);
    perCampaign(truth).createOrReplaceTempView("coef_eval");
    List<Line> lines = new ArrayList<>();
    for (Row r :
        SqlFiles.run(
                spark,
                "tools/evaluation_summary",
                Map.of("history_days", HISTORY_DAYS, "full_days", fullDays, "roi_share", ROI_SHARE))
            .collectAsList()) {
      lines.add(
          new Line(
              r.getString(0),
              r.getString(1),
              r.getLong(2),
              r.getDouble(3),
              r.getDouble(4),
              ((Number) r.get(5)).doubleValue()));
    }
    return new Report(version, lines);
  }
}
