package cmr.pipeline;

import java.util.List;

/** One step of the nightly pipeline: a small class with one job, run under its own name. */
public interface Step {
  /** Short name used in the run log and in error lines, e.g. {@code ingest}. */
  String name();

  /** Names of the steps that must have succeeded before this one runs. */
  List<String> dependsOn();

  /** Runs the step; throws {@link cmr.errors.CmrException} with a clear reason on failure. */
  StepResult run(RunContext ctx);
}
