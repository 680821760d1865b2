package cmr.step;

import cmr.config.CmrConfig;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;

/** Everything a step needs for one run date; immutable. */
public record RunContext(SparkSession spark, CmrConfig cfg, Warehouse wh, LocalDate runDate,
                         String runId, RunOptions options, Progress progress) {

  /**
   * The first event date this run recomputes: the run date minus late_days, or an earlier date
   * when a backfill recomputes its whole range in one pass. Gold steps must use this, never
   * compute the window themselves.
   */
  public LocalDate recomputeFrom() {
    LocalDate usual = runDate.minusDays(cfg.ingest().lateDays());
    LocalDate from = options.recomputeFrom();
    return from != null && from.isBefore(usual) ? from : usual;
  }

  /** The run log ({@code ops/job_runs}) of this warehouse. */
  public RunLog runLog() {
    return new RunLog(spark, wh);
  }
}
