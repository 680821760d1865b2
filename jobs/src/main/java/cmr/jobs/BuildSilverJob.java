package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** Bronze rows of the arrival date to typed silver tables by event date, and the state tables. */
public final class BuildSilverJob implements Step {
  @Override
  public String name() {
    return "silver";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("ingest");
  }

  @Override
  public StepResult run(RunContext ctx) {
    return StepResult.skipped("not implemented yet");
  }
}
