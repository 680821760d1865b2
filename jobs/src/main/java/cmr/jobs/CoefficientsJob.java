package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** Retrains the allocation coefficients and publishes them for the bidder (SPEC §4). */
public final class CoefficientsJob implements Step {
  @Override
  public String name() {
    return "coefficients";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("attribution");
  }

  @Override
  public StepResult run(RunContext ctx) {
    return StepResult.skipped("not implemented yet");
  }
}
