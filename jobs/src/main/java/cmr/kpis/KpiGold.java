package cmr.kpis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cmr.config.CmrConfig;
import cmr.sql.SqlFiles;
import cmr.state.RecomputeCalendar;
import cmr.state.UserMonthTiers;
import cmr.step.RunContext;
import cmr.warehouse.Warehouse;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the six KPI gold tables for the slice a run recomputes: the daily tables for {@code
 * goldFrom..runDate}, the monthly ones for the months containing those days, each with one atomic
 * {@code replaceWhere}; then marks the daily rows that have just become final. Expects the views of
 * {@link KpiInputs}.
 */
final class KpiGold {
  static final List<String> DAILY =
      List.of("daily_kpis", "new_users_by_source", "take_rate_by_dimension");
  static final List<String> MONTHLY = List.of("monthly_kpis", "tier_mix", "tier_transitions");

  private KpiGold() {}

  /** Writes the daily tables; returns the rows written. */
  static long writeDaily(RunContext ctx, RecomputeCalendar cal) {
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
      rows +=
          Warehouse.replaceCounted(
              SqlFiles.run(ctx.spark(), "gold/" + table, args),
              ctx.wh().gold(table),
              slice,
              List.of());
    }
    markFinal(ctx.spark(), ctx.wh().gold("daily_kpis"), cal.finalBefore());
    return rows;
  }

  /** Writes the monthly tables; returns the gold rows written. */
  static long writeMonthly(RunContext ctx, RecomputeCalendar cal) {
    String slice = UserMonthTiers.monthSlice(cal);
    long rows = 0;
    for (String table : MONTHLY) {
      rows +=
          Warehouse.replaceCounted(
              SqlFiles.run(ctx.spark(), "gold/" + table, Map.of()),
              ctx.wh().gold(table),
              slice,
              List.of());
    }
    return rows;
  }

  /**
   * Sets {@code final} on the daily rows dated before {@code finalBefore} that are not final yet.
   */
  static void markFinal(SparkSession spark, String path, LocalDate finalBefore) {
    DeltaTable.forPath(spark, path)
        .update(
            col("final").equalTo(false).and(col("date").lt(lit(Date.valueOf(finalBefore)))),
            Map.of("final", lit(true)));
  }
}
