package cmr.step;

import java.time.LocalDate;

/**
 * What a run of the nightly pipeline is asked to do beyond computing the tables.
 *
 * @param forcePublish   override the coefficient drift check
 * @param noPublish      train coefficients but publish nothing
 * @param trainAndExport train, publish and export (false for the inner dates of a backfill)
 * @param recomputeFrom  when set, gold steps recompute every event date from this one to the run
 *                       date (a backfill's single pass over its range) instead of the usual
 *                       run date minus late_days; null for a normal nightly run
 */
public record RunOptions(boolean forcePublish, boolean noPublish, boolean trainAndExport,
                         LocalDate recomputeFrom) {
  public RunOptions(boolean forcePublish, boolean noPublish, boolean trainAndExport) {
    this(forcePublish, noPublish, trainAndExport, null);
  }

  public static RunOptions defaults() {
    return new RunOptions(false, false, true, null);
  }

  public RunOptions withTrainAndExport(boolean v) {
    return new RunOptions(forcePublish, noPublish, v, recomputeFrom);
  }

  public RunOptions withRecomputeFrom(LocalDate from) {
    return new RunOptions(forcePublish, noPublish, trainAndExport, from);
  }
}
