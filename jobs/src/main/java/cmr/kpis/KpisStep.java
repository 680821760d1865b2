package cmr.kpis;

import static org.apache.spark.sql.functions.col;

import cmr.state.RecomputeCalendar;
import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import cmr.warehouse.SilverTables;
import java.sql.Date;
import java.util.List;

/**
 * The {@code kpis} step: daily_kpis, monthly_kpis, new_users_by_source, take_rate_by_dimension,
 * tier_mix, tier_transitions (SPEC §2, §3) for the dates and months a run for D recomputes ({@link
 * RecomputeCalendar}), from the state tables, the merchants snapshots and the settlements. Rows in
 * = silver fact rows in the recomputed event dates; rows out = gold rows written. Cost follows the
 * late window, not the history (docs/metrics.md).
 */
public final class KpisStep implements Step {
  @Override
  public String name() {
    return "kpis";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("state", "settlement");
  }

  @Override
  public List<String> reads() {
    return List.of(
        "state/user_daily",
        "state/merchant_daily_money",
        "state/user_first_active",
        "state/user_month_tiers",
        "silver/orders",
        "silver/ad_events",
        "silver/user_activity",
        "silver/merchants",
        "gold/quanzhantui_settlements",
        "gold/daily_kpis",
        "gold/monthly_kpis");
  }

  @Override
  public List<String> writes() {
    return List.of(
        "gold/daily_kpis",
        "gold/new_users_by_source",
        "gold/take_rate_by_dimension",
        "gold/monthly_kpis",
        "gold/tier_mix",
        "gold/tier_transitions");
  }

  @Override
  public StepResult run(RunContext ctx) {
    RecomputeCalendar cal = RecomputeCalendar.of(ctx);
    ctx.progress()
        .step(
            name(),
            "event dates "
                + cal.stateFrom()
                + ".."
                + cal.runDate()
                + ", reported from "
                + cal.goldFrom()
                + ", months "
                + cal.monthKeys());
    long rowsIn = factRows(ctx, cal);
    KpiInputs.register(ctx, cal);
    long daily = KpiGold.writeDaily(ctx, cal);
    KpiInputs.registerDailyGold(ctx);
    long monthly = KpiGold.writeMonthly(ctx, cal);
    String detail =
        String.format(
            "dates %s..%s, months %s, first run %s, latest %s",
            cal.goldFrom(), cal.runDate(), cal.monthKeys(), cal.first(), cal.latest());
    return StepResult.of(rowsIn, daily + monthly, detail);
  }

  private static long factRows(RunContext ctx, RecomputeCalendar cal) {
    long n = 0;
    for (String fact : List.of("orders", "ad_events", "user_activity")) {
      n +=
          SilverTables.read(ctx.spark(), ctx.wh(), fact)
              .where(
                  col("event_date")
                      .between(Date.valueOf(cal.stateFrom()), Date.valueOf(cal.runDate())))
              .count();
    }
    return n;
  }
}
