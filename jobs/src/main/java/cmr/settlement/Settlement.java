package cmr.settlement;

import cmr.attribution.LastClick;
import cmr.config.CmrConfig;
import cmr.sql.SqlFiles;
import cmr.state.ClickState;
import cmr.step.RunCalendar;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Settles the whole-site promotion cycles due by the run date into gold {@code
 * quanzhantui_settlements}: every cycle whose settling date (cycle end + lag) is on or before the
 * run date, on or after the first date run, and not settled by another run date. Each is computed
 * from the events that had arrived by its settling date, so the run that settles it reproduces it
 * exactly on a rerun; rows settled by other run dates are never touched (final). Writes the slice
 * {@code settled_on = run date} atomically.
 *
 * <p>Cost: the ad events of the cycles' 7 days, and a last-click attribution of the cycles' pay
 * events against the click state, once per distinct settling date (one in a daily run).
 */
public final class Settlement {
  public static final String TABLE = "quanzhantui_settlements";

  /** One row per settling date S: the pay dates of the cycles settled on S. */
  private static final StructType SETTLED =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("cycle_start", DataTypes.DateType)
          .add("settled_on", DataTypes.DateType);

  private Settlement() {}

  /** Returns the number of cycles settled by this run. */
  public static long settle(RunContext ctx) {
    SparkSession spark = ctx.spark();
    CmrConfig.Settlement conf = ctx.cfg().settlement();
    LocalDate r = ctx.runDate();
    String path = ctx.wh().gold(TABLE);

    SilverTables.campaigns(spark, ctx.wh()).createOrReplaceTempView("settle_campaigns");
    SilverTables.read(spark, path, SETTLED)
        .where(functions.col("settled_on").notEqual(java.sql.Date.valueOf(r)))
        .createOrReplaceTempView("settle_final");
    LocalDate first = RunCalendar.of(ctx).firstRunDate();
    LocalDate sFrom =
        ctx.runLog()
            .latestSucceededBefore("settlement", r)
            .map(p -> p.plusDays(1))
            .filter(p -> p.isAfter(first))
            .orElse(first);
    Dataset<Row> cycles =
        SqlFiles.run(
                spark,
                "settlement/quanzhantui_cycles_due",
                Map.of(
                    "run_date",
                    r,
                    "s_from",
                    sFrom,
                    "cycle_days",
                    conf.cycleDays(),
                    "lag_days",
                    conf.settlementLagDays()))
            .cache();
    try {
      List<LocalDate> settlingDates = new ArrayList<>();
      for (Row row : cycles.select("settling_date").distinct().collectAsList()) {
        settlingDates.add(row.getDate(0).toLocalDate());
      }
      cycles.createOrReplaceTempView("settle_cycles");
      Dataset<Row> attributed = attributedAsOf(ctx, settlingDates);
      attributed.createOrReplaceTempView("settle_attributed");
      SilverTables.adEvents(spark, ctx.wh()).createOrReplaceTempView("settle_ad_events");
      LocalDate minStart =
          settlingDates.stream()
              .min(LocalDate::compareTo)
              .orElse(r)
              .minusDays(conf.settlementLagDays() + conf.cycleDays() - 1L);
      LocalDate maxEnd =
          settlingDates.stream()
              .max(LocalDate::compareTo)
              .orElse(r)
              .minusDays(conf.settlementLagDays());
      Dataset<Row> settled =
          SqlFiles.run(
              spark,
              "gold/" + TABLE,
              Map.of(
                  "from_date",
                  minStart,
                  "to_date",
                  maxEnd,
                  "run_date",
                  r,
                  "min_spend",
                  conf.minSpend(),
                  "min_active_days",
                  conf.minActiveDays(),
                  "max_target_roi",
                  conf.maxTargetRoi()));
      return Warehouse.replaceCounted(settled, path, "settled_on = DATE'" + r + "'", List.of());
    } finally {
      cycles.unpersist();
    }
  }

  /**
   * Pay events attributed with only the events arrived by each settling date S, for the pay dates
   * of the cycles settling on S, with a {@code settling_date} column.
   */
  private static Dataset<Row> attributedAsOf(RunContext ctx, List<LocalDate> settlingDates) {
    CmrConfig.Settlement conf = ctx.cfg().settlement();
    LocalDate r = ctx.runDate();
    LocalDate covered = ClickState.coveredFrom(ctx);
    if (settlingDates.isEmpty()) { // nothing to settle: an empty frame of the same shape
      return LastClick.attribute(ctx, ClickState.clicks(ctx, covered, r, r), r, r.minusDays(1), r)
          .withColumn("settling_date", functions.lit(java.sql.Date.valueOf(r)));
    }
    List<Row> dates = new ArrayList<>();
    LocalDate payFrom = null;
    LocalDate payTo = null;
    for (LocalDate s : settlingDates) {
      LocalDate end = s.minusDays(conf.settlementLagDays());
      LocalDate start = end.minusDays(conf.cycleDays() - 1L);
      dates.add(
          RowFactory.create(
              java.sql.Date.valueOf(s), java.sql.Date.valueOf(start), java.sql.Date.valueOf(end)));
      payFrom = payFrom == null || start.isBefore(payFrom) ? start : payFrom;
      payTo = payTo == null || end.isAfter(payTo) ? end : payTo;
    }
    Dataset<Row> settleDates = ctx.spark().createDataFrame(dates, LastClick.AS_OF);
    Dataset<Row> clicks =
        ClickState.clicks(ctx, covered, LastClick.clicksFrom(ctx, payFrom), payTo);
    return LastClick.attributeAsOf(ctx, clicks, settleDates, payFrom, payTo);
  }
}
