package cmr.kpis;

import cmr.config.CmrConfig;
import cmr.pipeline.RunContext;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes the six KPI gold tables for the slice a run recomputes: the daily tables for
 * {@code goldFrom..runDate}, the monthly ones (and {@code state/user_month_tiers}) for the months
 * containing those days, each with one atomic {@code replaceWhere}; then marks the daily rows that
 * have just become final. Expects the views of {@link KpiInputs} and {@link KpiState}.
 */
final class KpiGold {
  static final List<String> DAILY = List.of("daily_kpis", "new_users_by_source", "take_rate_by_dimension");
  static final List<String> MONTHLY = List.of("monthly_kpis", "tier_mix", "tier_transitions");

  private static final StructType EXISTING_MONTHS = new StructType()
      .add("month", DataTypes.StringType)
      .add("mau", DataTypes.LongType)
      .add("gmv", DataTypes.createDecimalType(18, 2))
      .add("cmr", DataTypes.createDecimalType(18, 2));

  private KpiGold() {}

  /** Writes the daily tables; returns the rows written. */
  static long writeDaily(RunContext ctx, KpiCalendar cal) {
    CmrConfig.Metrics m = ctx.cfg().metrics();
    Map<String, Object> args = new HashMap<>();
    args.put("from_date", Date.valueOf(cal.goldFrom()));
    args.put("to_date", Date.valueOf(cal.runDate()));
    args.put("mau_days", m.mauWindowDays());
    args.put("latest_date", Date.valueOf(cal.latest()));
    args.put("late_days", cal.lateDays());
    String slice = "date >= DATE'" + cal.goldFrom() + "' AND date <= DATE'" + cal.runDate() + "'";
    long rows = 0;
    for (String table : DAILY) {
      rows += Warehouse.replaceCounted(SqlFiles.run(ctx.spark(), "gold/" + table, args),
          ctx.wh().gold(table), slice, List.of());
    }
    markFinal(ctx.spark(), ctx.wh().gold("daily_kpis"), cal.finalBefore());
    return rows;
  }

  /** Writes user_month_tiers and the monthly tables; returns the gold rows written. */
  static long writeMonthly(RunContext ctx, KpiCalendar cal) {
    SparkSession spark = ctx.spark();
    CmrConfig.Metrics m = ctx.cfg().metrics();
    cal.monthsFrame(spark).createOrReplaceTempView("kpi_months");
    String monthlyPath = ctx.wh().gold("monthly_kpis");
    (Warehouse.exists(spark, monthlyPath)
        ? spark.read().format("delta").load(monthlyPath).select("month", "mau", "gmv", "cmr")
        : spark.createDataFrame(List.of(), EXISTING_MONTHS))
        .createOrReplaceTempView("monthly_kpis_existing");
    String slice = cal.monthKeys().stream().map(k -> "'" + k + "'")
        .collect(Collectors.joining(", ", "month IN (", ")"));

    LocalDate earliestEnd = cal.months().get(0).prevEnd();
    LocalDate latestEnd = cal.months().get(cal.months().size() - 1).end();
    Map<String, Object> tierArgs = new HashMap<>();
    tierArgs.put("tier_days", m.tierWindowDays());
    tierArgs.put("mature_min_orders", m.matureMinOrders());
    tierArgs.put("mature_min_net_spend", m.matureMinNetSpend());
    tierArgs.put("window_from", Date.valueOf(earliestEnd.minusDays(m.tierWindowDays() - 1L)));
    tierArgs.put("window_to", Date.valueOf(latestEnd));
    Warehouse.replace(SqlFiles.run(spark, "state/user_month_tiers", tierArgs),
        ctx.wh().state("user_month_tiers"), slice, List.of("month"));
    KpiState.register(ctx, "user_month_tiers");

    long rows = 0;
    for (String table : MONTHLY) {
      rows += Warehouse.replaceCounted(SqlFiles.run(spark, "gold/" + table, Map.of()),
          ctx.wh().gold(table), slice, List.of());
    }
    return rows;
  }

  /** Sets {@code final} on the daily rows dated before {@code finalBefore} that are not final yet. */
  static void markFinal(SparkSession spark, String path, LocalDate finalBefore) {
    DeltaTable.forPath(spark, path).update(
        col("final").equalTo(false).and(col("date").lt(lit(Date.valueOf(finalBefore)))),
        Map.of("final", lit(true)));
  }
}
