package cmr.step;

import java.util.List;

/** One step of the nightly pipeline: a small class with one job, run under its own name. */
public interface Step {
  /** Short name used in the run log and in error lines, e.g. {@code ingest}. */
  String name();

  /** Names of the steps that must have succeeded before this one runs. */
  List<String> dependsOn();

  /**
   * The tables this step reads, as {@code layer/name} under the warehouse (e.g. {@code
   * silver/orders}); the step registers its own views of them.
   */
  List<String> reads();

  /** The tables this step writes, as {@code layer/name} (files outside Delta as a folder name). */
  List<String> writes();

  /**
   * Whether the step works per arrival day (ingest, silver): its run-log rows are one per day of
   * the run's range, a failure included.
   */
  default boolean perArrivalDay() {
    return false;
  }

  /** Runs the step; throws {@link cmr.errors.CmrException} with a clear reason on failure. */
  StepResult run(RunContext ctx);
}
