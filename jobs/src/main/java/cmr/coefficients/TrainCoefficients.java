package cmr.coefficients;

import cmr.errors.Errors;
import cmr.loader.CoefficientsFormat;
import cmr.sql.SqlFiles;
import cmr.step.Progress;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Trains one night's coefficients: active campaigns, the market's day factors, per (campaign,
 * channel) sufficient statistics over the trailing window and their day noise, pooled priors,
 * shrunk curves (all Spark SQL under {@code sql/coefficients/}), then the per-campaign allocation
 * on the executors ({@code groupByKey(campaign).flatMapGroups}). Writes the set to {@code
 * gold/allocation_coefficients} (the run date's partition replaced atomically). Cost: a few scans
 * of the window of {@code campaign_channel_daily}; nothing is collected to the driver.
 */
public final class TrainCoefficients {
  private static final int CHANNELS = CoefficientsFormat.AD_CHANNELS.size();
  private static final String AQE = "spark.sql.adaptive.enabled";
  private static final StructType DAY_FACTORS =
      StructType.fromDDL("date DATE, series BIGINT, factor DOUBLE");

  private final SparkSession spark;
  private final Warehouse wh;
  private final ModelSettings settings;

  public TrainCoefficients(SparkSession spark, Warehouse wh, ModelSettings settings) {
    this.spark = spark;
    this.wh = wh;
    this.settings = settings;
  }

  /** Result: the campaigns trained and how many were cold starts or without history. */
  public record Result(long campaigns, long coldStart, long noHistory, long funded) {}

  /** Trains for {@code runDate} and records the set in the history table. */
  public Result trainAndRecord(LocalDate runDate) {
    return trainAndRecord(runDate, Progress.silent());
  }

  /**
   * The same, with a progress line per phase (tens of thousands of campaigns take minutes).
   * Training runs with adaptive query execution off: AQE picks the number and order of shuffle
   * partitions from runtime sizes, which changes the order in which doubles are summed and so the
   * last bits of the coefficients. Without it, a retrain on the same data with the same Spark
   * settings writes byte-identical files.
   */
  public Result trainAndRecord(LocalDate runDate, Progress progress) {
    String aqe = spark.conf().get(AQE, "true");
    spark.conf().set(AQE, "false");
    try {
      return train(runDate, progress);
    } finally {
      spark.conf().set(AQE, aqe);
    }
  }

  private Result train(LocalDate runDate, Progress progress) {
    progress.step(
        "coefficients", "fitting curves on " + settings.trainingFrom(runDate) + " .. " + runDate);
    Dataset<Row> curves = curves(runDate);
    progress.step(
        "coefficients",
        String.format(
            "fitted %,d campaign-channels (%.1f%% of the response paid the next day); allocating",
            spark.table("coef_fit_stats").count(),
            100 * spark.table("coef_lag").first().<Double>getAs("lag_share")));
    Dataset<Row> rows = allocate(curves, runDate).persist();
    try {
      Warehouse.replace(
          rows, historyPath(), "run_date = DATE'" + runDate + "'", List.of("run_date"));
      Row s =
          spark
              .read()
              .format("delta")
              .load(historyPath())
              .where(
                  org.apache
                      .spark
                      .sql
                      .functions
                      .col("run_date")
                      .equalTo(java.sql.Date.valueOf(runDate)))
              .selectExpr(
                  "count(DISTINCT campaign_id)",
                  "count(DISTINCT CASE WHEN status = 'cold_start' THEN campaign_id END)",
                  "count(DISTINCT CASE WHEN status = 'no_history' THEN campaign_id END)",
                  "count(DISTINCT CASE WHEN expected_spend > 0 THEN campaign_id END)")
              .first();
      return new Result(s.getLong(0), s.getLong(1), s.getLong(2), s.getLong(3));
    } finally {
      rows.unpersist();
    }
  }

  private String historyPath() {
    return wh.gold(HistoryRows.TABLE);
  }

  private Dataset<Row> allocate(Dataset<Row> curves, LocalDate runDate) {
    return curves
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("campaign_id"), Encoders.STRING())
        .flatMapGroups(new AllocateCampaign(settings, runDate), Encoders.row(HistoryRows.SCHEMA));
  }

  /** One row per (active campaign, channel) with its fitted curve ({@code curves.sql}). */
  public Dataset<Row> curves(LocalDate runDate) {
    registerInputs();
    Map<String, Object> args = settings.sqlArgs(runDate);
    // The intermediate results are small (one row per campaign, campaign-channel, pool) and read
    // several times: materialise them, which also keeps the analysed plans flat.
    SqlFiles.run(spark, "coefficients/active_campaigns", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_active");
    // Day factors need dayMinSeries campaign-channels on a date: a market with fewer active
    // campaigns than that over seven channels cannot have one, and skips that pass. The daily
    // points are read by fit_stats.sql and lag.sql (and day_factors.sql): computed once.
    boolean dayFactors = spark.table("coef_active").count() * CHANNELS >= settings.dayMinSeries();
    SqlFiles.run(spark, "coefficients/daily_points", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_points");
    (dayFactors
            ? SqlFiles.run(spark, "coefficients/day_factors", args).localCheckpoint()
            : spark.createDataFrame(List.<Row>of(), DAY_FACTORS))
        .createOrReplaceTempView("coef_day_factors");
    SqlFiles.run(spark, "coefficients/fit_stats", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_fit_stats");
    SqlFiles.run(spark, "coefficients/noise", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_noise");
    SqlFiles.run(spark, "coefficients/pools", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_pools");
    SqlFiles.run(spark, "coefficients/category_weights", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_category_weights");
    SqlFiles.run(spark, "coefficients/lag", args)
        .localCheckpoint()
        .createOrReplaceTempView("coef_lag");
    return SqlFiles.run(spark, "coefficients/curves", args);
  }

  /** Registers the inputs as views: gold campaign_channel_daily, silver campaigns and merchants. */
  public void registerInputs() {
    require(wh.gold("campaign_channel_daily"), "run the attribution step for the window first");
    require(wh.silver("campaigns"), "ingest a campaigns snapshot first");
    require(wh.silver("merchants"), "ingest a merchants snapshot first");
    spark
        .read()
        .format("delta")
        .load(wh.gold("campaign_channel_daily"))
        .createOrReplaceTempView("campaign_channel_daily");
    spark.read().format("delta").load(wh.silver("campaigns")).createOrReplaceTempView("campaigns");
    spark.read().format("delta").load(wh.silver("merchants")).createOrReplaceTempView("merchants");
  }

  private void require(String path, String fix) {
    if (!Warehouse.exists(spark, path)) {
      throw Errors.input("coefficients", path, "is not a Delta table", fix);
    }
  }
}
