package cmr.attribution;

import cmr.sql.SqlFiles;
import cmr.state.ClickState;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes gold {@code campaign_channel_daily}, {@code merchant_roi_daily} and {@code
 * merchant_roi_monthly} for the recomputed slice: dates {@code from .. to} and the months
 * containing them, each an atomic replaceWhere (idempotent reruns). Dates before {@code reportFrom}
 * (the first date run) get no rows. Cost: the ad events and attributed pay events of the slice; the
 * roll-ups read only the gold rows of the slice and its months.
 */
public final class RoiTables {
  public static final String CAMPAIGN_CHANNEL_DAILY = "campaign_channel_daily";
  public static final String MERCHANT_ROI_DAILY = "merchant_roi_daily";
  public static final String MERCHANT_ROI_MONTHLY = "merchant_roi_monthly";

  private RoiTables() {}

  /** Returns the number of campaign_channel_daily rows written. */
  public static long write(
      RunContext ctx, Dataset<Row> attributed, LocalDate from, LocalDate to, LocalDate reportFrom) {
    SparkSession spark = ctx.spark();
    Warehouse wh = ctx.wh();
    LocalDate rowsFrom = ClickState.max(from, reportFrom);
    SilverTables.adEvents(spark, wh).createOrReplaceTempView("attr_ad_events");
    attributed.createOrReplaceTempView("attr_attributed");
    String dates = "date >= DATE'" + from + "' AND date <= DATE'" + to + "'";

    String ccdPath = wh.gold(CAMPAIGN_CHANNEL_DAILY);
    Dataset<Row> ccd =
        SqlFiles.run(
            spark, "gold/" + CAMPAIGN_CHANNEL_DAILY, Map.of("from_date", rowsFrom, "to_date", to));
    long rows = Warehouse.replaceCounted(ccd, ccdPath, dates, List.of("date"));

    Dataset<Row> ccdGold = spark.read().format("delta").load(ccdPath);
    ccdGold.createOrReplaceTempView("attr_campaign_channel_daily");
    String dailyPath = wh.gold(MERCHANT_ROI_DAILY);
    Warehouse.replace(
        SqlFiles.run(
            spark, "gold/" + MERCHANT_ROI_DAILY, Map.of("from_date", rowsFrom, "to_date", to)),
        dailyPath,
        dates,
        List.of("date"));

    spark.read().format("delta").load(dailyPath).createOrReplaceTempView("attr_merchant_roi_daily");
    YearMonth m0 = YearMonth.from(from);
    YearMonth m1 = YearMonth.from(to);
    Warehouse.replace(
        SqlFiles.run(
            spark,
            "gold/" + MERCHANT_ROI_MONTHLY,
            Map.of("from_date", m0.atDay(1), "to_date", m1.atEndOfMonth())),
        wh.gold(MERCHANT_ROI_MONTHLY),
        "month >= '" + m0 + "' AND month <= '" + m1 + "'",
        List.of());

    return rows;
  }
}
