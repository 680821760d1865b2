package cmr.step;

import cmr.config.CmrConfig;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Everything a step needs for one run; immutable. A run covers the arrival days {@link #from()} ..
 * {@link #runDate()}: one day for a nightly run, a backfill's whole range otherwise, run by the
 * same steps in one pass.
 */
public record RunContext(
    SparkSession spark,
    CmrConfig cfg,
    Warehouse wh,
    LocalDate runDate,
    String runId,
    RunOptions options,
    Progress progress) {

  /** The first arrival day of this run: the run date, or the first day of a backfill's range. */
  public LocalDate from() {
    LocalDate f = options.from();
    return f != null && f.isBefore(runDate) ? f : runDate;
  }

  /** The arrival days this run ingests and builds silver for, in order. */
  public List<LocalDate> arrivalDays() {
    return from().datesUntil(runDate.plusDays(1)).toList();
  }

  /** Whether this run covers more than one arrival day (a backfill's range). */
  public boolean isRange() {
    return from().isBefore(runDate);
  }

  /**
   * The first event date this run recomputes: its first arrival day minus late_days (events dated D
   * are complete once D + late_days has been ingested, so one pass over a range equals the nightly
   * sequence). Gold steps must use this, never compute the window themselves.
   */
  public LocalDate recomputeFrom() {
    return from().minusDays(cfg.ingest().lateDays());
  }

  /** The run log ({@code ops/job_runs}) of this warehouse. */
  public RunLog runLog() {
    return new RunLog(spark, wh);
  }
}
