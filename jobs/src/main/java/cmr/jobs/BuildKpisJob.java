package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** daily_kpis, monthly_kpis, new_users_by_source, take_rate_by_dimension, tier_mix, tier_transitions. */
public final class BuildKpisJob implements Step {
  @Override
  public String name() {
    return "kpis";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver", "settlement");
  }

  @Override
  public StepResult run(RunContext ctx) {
    return StepResult.skipped("not implemented yet");
  }
}
