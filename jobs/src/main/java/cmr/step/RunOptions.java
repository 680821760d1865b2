package cmr.step;

import java.time.LocalDate;

/**
 * What a run of the nightly pipeline is asked to do beyond computing the tables.
 *
 * @param forcePublish override the coefficient drift check
 * @param noPublish train coefficients but publish nothing
 * @param trainAndExport train, publish and export (tests switch it off)
 * @param from the first arrival day of a backfill's range (the run date is its last); null for a
 *     nightly run of one day
 * @param keepGoing in a range, a day that fails ingestion stays out of silver and the other days go
 *     on (the run still fails at the end); otherwise the run stops
 * @param allowGap run although an earlier arrival day since the first date run was never ingested
 */
public record RunOptions(
    boolean forcePublish,
    boolean noPublish,
    boolean trainAndExport,
    LocalDate from,
    boolean keepGoing,
    boolean allowGap) {
  public RunOptions(boolean forcePublish, boolean noPublish, boolean trainAndExport) {
    this(forcePublish, noPublish, trainAndExport, null, false, false);
  }

  public static RunOptions defaults() {
    return new RunOptions(false, false, true, null, false, false);
  }

  public RunOptions withTrainAndExport(boolean v) {
    return new RunOptions(forcePublish, noPublish, v, from, keepGoing, allowGap);
  }

  public RunOptions withAllowGap(boolean v) {
    return new RunOptions(forcePublish, noPublish, trainAndExport, from, keepGoing, v);
  }

  /** The same options for the arrival days {@code from} .. the run date, in one pass. */
  public RunOptions withRange(LocalDate rangeFrom, boolean keepGoingOnFailedDays) {
    return new RunOptions(
        forcePublish, noPublish, trainAndExport, rangeFrom, keepGoingOnFailedDays, allowGap);
  }
}
