package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** Whole-site promotion settlement of the cycles due by the run date. */
public final class SettlementJob implements Step {
  @Override
  public String name() {
    return "settlement";
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
