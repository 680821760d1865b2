package cmr.state;

import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code state} step: every state table, in one visible place, for the event dates a run
 * recomputes (docs/architecture.md). Reads silver; writes {@code state/user_daily}, {@code
 * state/merchant_daily_money}, {@code state/user_first_active} ({@link UserState}), {@code
 * state/user_month_tiers} ({@link UserMonthTiers}) and {@code state/attribution_clicks} ({@link
 * ClickState}). Cost: the recomputed window's silver rows (plus the tier window's {@code
 * user_daily}), never the whole history after the first run.
 */
public final class StateStep implements Step {
  public static final String NAME = "state";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver");
  }

  @Override
  public List<String> reads() {
    return List.of("silver/orders", "silver/ad_events", "silver/user_activity", "silver/users");
  }

  @Override
  public List<String> writes() {
    return List.of(
        "state/user_daily",
        "state/merchant_daily_money",
        "state/user_first_active",
        "state/user_month_tiers",
        "state/attribution_clicks");
  }

  @Override
  public StepResult run(RunContext ctx) {
    RecomputeCalendar cal = RecomputeCalendar.of(ctx);
    UserState.update(ctx, cal);
    UserMonthTiers.update(ctx, cal);
    LocalDate covered = ClickState.refresh(ctx, ctx.runLog().latestSucceeded(NAME));
    return StepResult.of(
        0,
        0,
        "user state "
            + cal.stateFrom()
            + ".."
            + cal.runDate()
            + ", tiers "
            + cal.monthKeys()
            + ", click state from "
            + covered);
  }
}
