package cmr.attribution;

import cmr.pipeline.RunContext;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The run calendar from {@code ops/job_runs}: the first date run (reporting starts there) and
 * the latest date a step succeeded for. Cost: one small aggregate over the run log.
 */
public final class RunCalendar {
  private RunCalendar() {}

  /** The first date run, as every gold step sees it ({@link cmr.ops.RunCalendar}). */
  public static LocalDate firstDateRun(RunContext ctx) {
    return cmr.ops.RunCalendar.of(ctx).firstRunDate();
  }

  /** The latest run date before {@code before} for which {@code job} succeeded, if any. */
  public static Optional<LocalDate> latestSucceededBefore(RunContext ctx, String job,
                                                          LocalDate before) {
    String path = ctx.wh().ops("job_runs");
    if (!Warehouse.exists(ctx.spark(), path)) {
      return Optional.empty();
    }
    Row r = ctx.spark().read().format("delta").load(path)
        .where(functions.col("status").equalTo("succeeded")
            .and(functions.col("job").equalTo(job))
            .and(functions.col("run_date").lt(java.sql.Date.valueOf(before))))
        .selectExpr("max(run_date)").first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }

  /** The latest run date for which {@code job} succeeded, if any (the current run excluded
   * only if it has not been recorded yet). */
  public static Optional<LocalDate> latestSucceeded(RunContext ctx, String job) {
    return extreme(ctx, job, "max");
  }

  private static Optional<LocalDate> extreme(RunContext ctx, String job, String fn) {
    String path = ctx.wh().ops("job_runs");
    if (!Warehouse.exists(ctx.spark(), path)) {
      return Optional.empty();
    }
    var runs = ctx.spark().read().format("delta").load(path)
        .where(functions.col("status").equalTo("succeeded"));
    if (job != null) {
      runs = runs.where(functions.col("job").equalTo(job));
    }
    Row r = runs.selectExpr(fn + "(run_date)").first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }
}
