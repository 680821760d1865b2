package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** Last-click attribution and campaign_channel_daily, merchant_roi_daily, merchant_roi_monthly. */
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
    return StepResult.skipped("not implemented yet");
  }
}
