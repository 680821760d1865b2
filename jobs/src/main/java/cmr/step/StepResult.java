package cmr.step;

/**
 * What a step did, recorded in {@code ops/job_runs}: rows read, rows written, rows quarantined,
 * duplicates dropped, and a short free-text detail (table versions, files, skipped reason).
 */
public record StepResult(long rowsIn, long rowsOut, long rowsQuarantined, long rowsDuplicate,
                         String detail) {
  public static StepResult of(long rowsIn, long rowsOut, String detail) {
    return new StepResult(rowsIn, rowsOut, 0, 0, detail);
  }

  public static StepResult skipped(String why) {
    return new StepResult(0, 0, 0, 0, "skipped: " + why);
  }
}
