package cmr.pipeline;

import cmr.config.CmrConfig;
import cmr.ops.Progress;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;

/** Everything a step needs for one run date; immutable. */
public record RunContext(SparkSession spark, CmrConfig cfg, Warehouse wh, LocalDate runDate,
                         String runId, RunOptions options, Progress progress) {

  /** The first event date a run for this date recomputes: run date minus late_days. */
  public LocalDate recomputeFrom() {
    return runDate.minusDays(cfg.ingest().lateDays());
  }
}
