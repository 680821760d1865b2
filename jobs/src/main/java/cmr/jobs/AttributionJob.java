package cmr.jobs;

import cmr.attribution.ClickState;
import cmr.attribution.LastClick;
import cmr.attribution.RoiTables;
import cmr.ops.RunCalendar;
import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Last-click attribution and gold campaign_channel_daily, merchant_roi_daily,
 * merchant_roi_monthly for event dates D - late_days .. D (from the first date run on) and their
 * months. Refreshes state/attribution_clicks first and joins the window's pay events with it, so
 * the cost is the window's events plus the clicks of window_days before it, never history.
 */
public final class AttributionJob implements Step {
  @Override
  public String name() {
    return "attribution";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver");
  }

  @Override
  public StepResult run(RunContext ctx) {
    LocalDate d = ctx.runDate();
    LocalDate from = ctx.recomputeFrom();
    LocalDate reportFrom = RunCalendar.of(ctx).firstRunDate();
    Optional<LocalDate> previous = ctx.runLog().latestSucceeded(name());
    LocalDate covered = ClickState.refresh(ctx, previous);
    LocalDate payFrom = from.isBefore(reportFrom) ? reportFrom : from;
    Dataset<Row> clicks = ClickState.clicks(ctx, covered, LastClick.clicksFrom(ctx, payFrom), d);
    Dataset<Row> attributed = LastClick.attribute(ctx, clicks, payFrom, d, LocalDate.of(9999, 12, 31));
    long rows = RoiTables.write(ctx, attributed, from, d, reportFrom);
    return StepResult.of(0, rows, "campaign_channel_daily " + payFrom + ".." + d + ": " + rows
        + " rows; click state from " + covered);
  }
}
