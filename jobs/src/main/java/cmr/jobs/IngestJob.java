package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** Landing files of the run date to bronze Delta tables and the quarantine (SPEC §1). */
public final class IngestJob implements Step {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<String> dependsOn() {
    return List.of();
  }

  @Override
  public StepResult run(RunContext ctx) {
    return StepResult.skipped("not implemented yet");
  }
}
