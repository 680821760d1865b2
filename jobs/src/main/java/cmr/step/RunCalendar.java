package cmr.step;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/**
 * The dates that have been run, from {@code ops/job_runs}: a date counts as run once its ingest
 * step succeeded (ingest is the first step of every nightly run, and a backfill ingests every date
 * of its range before computing gold once). Reporting starts on the first date run; "the latest
 * date run so far" never moves back when an older date is rerun.
 */
public record RunCalendar(LocalDate firstRunDate, LocalDate latestRunDate) {

  /** The calendar as seen by a run, the run's own date included. */
  public static RunCalendar of(RunContext ctx) {
    String path = ctx.wh().ops("job_runs");
    LocalDate first = ctx.runDate();
    LocalDate latest = ctx.runDate();
    if (Warehouse.exists(ctx.spark(), path)) {
      Row r =
          ctx.spark()
              .read()
              .format("delta")
              .load(path)
              .where(col("job").equalTo("ingest").and(col("status").equalTo("succeeded")))
              .agg(min("run_date"), max("run_date"))
              .first();
      if (!r.isNullAt(0)) {
        LocalDate f = r.getDate(0).toLocalDate();
        LocalDate l = r.getDate(1).toLocalDate();
        first = f.isBefore(first) ? f : first;
        latest = l.isAfter(latest) ? l : latest;
      }
    }
    return new RunCalendar(first, latest);
  }
}
