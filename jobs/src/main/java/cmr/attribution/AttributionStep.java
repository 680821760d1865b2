package cmr.attribution;

import cmr.state.ClickState;
import cmr.step.RunCalendar;
import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Last-click attribution and gold campaign_channel_daily, merchant_roi_daily, merchant_roi_monthly
 * for event dates D - late_days .. D (from the first date run on) and their months. Joins the
 * window's pay events with state/attribution_clicks (the state step keeps it), so the cost is the
 * window's events plus the clicks of window_days before it, never history.
 */
public final class AttributionStep implements Step {
  @Override
  public String name() {
    return "attribution";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("state");
  }

  @Override
  public List<String> reads() {
    return List.of("silver/orders", "silver/ad_events", "state/attribution_clicks");
  }

  @Override
  public List<String> writes() {
    return List.of(
        "gold/" + RoiTables.CAMPAIGN_CHANNEL_DAILY,
        "gold/" + RoiTables.MERCHANT_ROI_DAILY,
        "gold/" + RoiTables.MERCHANT_ROI_MONTHLY);
  }

  @Override
  public StepResult run(RunContext ctx) {
    LocalDate d = ctx.runDate();
    LocalDate from = ctx.recomputeFrom();
    LocalDate reportFrom = RunCalendar.of(ctx).firstRunDate();
    LocalDate covered = ClickState.coveredFrom(ctx);
    LocalDate payFrom = from.isBefore(reportFrom) ? reportFrom : from;
    Dataset<Row> clicks = ClickState.clicks(ctx, covered, LastClick.clicksFrom(ctx, payFrom), d);
    Dataset<Row> attributed =
        LastClick.attribute(ctx, clicks, payFrom, d, LocalDate.of(9999, 12, 31));
    long rows = RoiTables.write(ctx, attributed, from, d, reportFrom);
    return StepResult.of(
        0,
        rows,
        "campaign_channel_daily "
            + payFrom
            + ".."
            + d
            + ": "
            + rows
            + " rows; click state from "
            + covered);
  }
}
