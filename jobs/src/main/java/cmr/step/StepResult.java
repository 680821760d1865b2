package cmr.step;

import cmr.errors.CmrException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a step did, recorded in {@code ops/job_runs}: rows read, rows written, rows quarantined,
 * duplicates dropped, and a short free-text detail (table versions, files, skipped reason).
 *
 * <p>A step that works per arrival day over a range (ingest, silver) also gives one result per day
 * ({@code byDay}, recorded as one row each) and the days that failed ({@code failedDays}): those
 * fail the run, and stop the steps after it unless the run keeps going.
 */
public record StepResult(
    long rowsIn,
    long rowsOut,
    long rowsQuarantined,
    long rowsDuplicate,
    String detail,
    Map<LocalDate, StepResult> byDay,
    Map<LocalDate, CmrException> failedDays) {
  public StepResult {
    byDay = byDay == null ? Map.of() : new TreeMap<>(byDay);
    failedDays = failedDays == null ? Map.of() : new TreeMap<>(failedDays);
  }

  public StepResult(
      long rowsIn, long rowsOut, long rowsQuarantined, long rowsDuplicate, String detail) {
    this(rowsIn, rowsOut, rowsQuarantined, rowsDuplicate, detail, null, null);
  }

  public static StepResult of(long rowsIn, long rowsOut, String detail) {
    return new StepResult(rowsIn, rowsOut, 0, 0, detail);
  }

  public static StepResult skipped(String why) {
    return new StepResult(0, 0, 0, 0, "skipped: " + why);
  }

  /** One result per arrival day; {@code failed} names the days that failed and why. */
  public static StepResult perDay(
      Map<LocalDate, StepResult> byDay, Map<LocalDate, CmrException> failed) {
    long in = 0;
    long out = 0;
    long q = 0;
    long dup = 0;
    for (StepResult r : byDay.values()) {
      in += r.rowsIn();
      out += r.rowsOut();
      q += r.rowsQuarantined();
      dup += r.rowsDuplicate();
    }
    return new StepResult(in, out, q, dup, byDay.size() + " days", byDay, failed);
  }
}
