package cmr.state;

import cmr.config.CmrConfig;
import cmr.sql.SqlFiles;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code state/user_month_tiers}: every registered user's UCMV tier at the end of each month a run
 * recomputes and of the month before it (SPEC §2, sql/state/user_month_tiers.sql), one atomic
 * replaceWhere over those months. Reads the views {@code kpi_months} (the months' windows), {@code
 * users_snap} (the users snapshots in force at those month ends) and {@code user_daily}, all
 * registered here.
 */
public final class UserMonthTiers {
  static final String TABLE = "user_month_tiers";

  private UserMonthTiers() {}

  static void update(RunContext ctx, RecomputeCalendar cal) {
    SparkSession spark = ctx.spark();
    CmrConfig.Metrics m = ctx.cfg().metrics();
    cal.monthsFrame(spark).createOrReplaceTempView("kpi_months");
    Set<LocalDate> ends = new TreeSet<>();
    for (MonthWindow w : cal.months()) {
      ends.add(w.end());
      ends.add(w.prevEnd());
    }
    Dataset<Row> users = Snapshots.latestFor(spark, ctx.wh().silver("users"), ends);
    (users != null ? users : SilverTables.read(spark, ctx.wh(), "users"))
        .createOrReplaceTempView("users_snap");
    UserState.register(ctx, UserState.USER_DAILY);

    LocalDate earliestEnd = cal.months().get(0).prevEnd();
    LocalDate latestEnd = cal.months().get(cal.months().size() - 1).end();
    Map<String, Object> args = new HashMap<>();
    args.put("tier_days", m.tierWindowDays());
    args.put("mature_min_orders", m.matureMinOrders());
    args.put("mature_min_net_spend", m.matureMinNetSpend());
    args.put("window_from", Date.valueOf(earliestEnd.minusDays(m.tierWindowDays() - 1L)));
    args.put("window_to", Date.valueOf(latestEnd));
    Warehouse.replace(
        SqlFiles.run(spark, "state/" + TABLE, args),
        ctx.wh().state(TABLE),
        monthSlice(cal),
        List.of("month"));
  }

  /** The replaceWhere predicate of the months a run recomputes. */
  public static String monthSlice(RecomputeCalendar cal) {
    return cal.monthKeys().stream()
        .map(k -> "'" + k + "'")
        .collect(Collectors.joining(", ", "month IN (", ")"));
  }
}
