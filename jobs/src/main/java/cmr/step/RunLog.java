package cmr.step;

import cmr.warehouse.NamedRow;
import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops/job_runs}: one row per step per run (run id, date, job, status, start, end, rows
 * in/out/quarantined/duplicate, error, detail). Append-only: it is the history of what ran.
 */
public final class RunLog {
  public static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("run_date", DataTypes.DateType, false)
          .add("job", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("started_at", DataTypes.TimestampType, false)
          .add("ended_at", DataTypes.TimestampType, false)
          .add("rows_in", DataTypes.LongType, false)
          .add("rows_out", DataTypes.LongType, false)
          .add("rows_quarantined", DataTypes.LongType, false)
          .add("rows_duplicate", DataTypes.LongType, false)
          .add("error", DataTypes.StringType, true)
          .add("detail", DataTypes.StringType, true);

  private final SparkSession spark;
  private final String path;

  public RunLog(SparkSession spark, Warehouse wh) {
    this.spark = spark;
    this.path = wh.ops("job_runs");
  }

  public void record(
      String runId,
      LocalDate date,
      String job,
      String status,
      Instant start,
      Instant end,
      StepResult r,
      String error) {
    recordAll(List.of(entry(runId, date, job, status, start, end, r, error)));
  }

  /** One run-log row, to be written with {@link #recordAll}. */
  public static Row entry(
      String runId,
      LocalDate date,
      String job,
      String status,
      Instant start,
      Instant end,
      StepResult r,
      String error) {
    StepResult res = r == null ? new StepResult(0, 0, 0, 0, null) : r;
    return NamedRow.of(SCHEMA)
        .set("run_id", runId)
        .set("run_date", Date.valueOf(date))
        .set("job", job)
        .set("status", status)
        .set("started_at", Timestamp.from(start))
        .set("ended_at", Timestamp.from(end))
        .set("rows_in", res.rowsIn())
        .set("rows_out", res.rowsOut())
        .set("rows_quarantined", res.rowsQuarantined())
        .set("rows_duplicate", res.rowsDuplicate())
        .set("error", error)
        .set("detail", res.detail())
        .row();
  }

  /**
   * Appends many rows in one commit (a backfill records one row per date and step: one Delta commit
   * each would cost seconds per date).
   */
  public void recordAll(List<Row> rows) {
    if (!rows.isEmpty()) {
      Warehouse.append(spark.createDataFrame(rows, SCHEMA), path);
    }
  }

  /** The latest run date whose given job succeeded, if any (e.g. the latest date run so far). */
  public Optional<LocalDate> latestSucceeded(String job) {
    return latestSucceededBefore(job, null);
  }

  /**
   * The latest run date before {@code before} (any date when null) whose given job succeeded, if
   * any.
   */
  public Optional<LocalDate> latestSucceededBefore(String job, LocalDate before) {
    if (!Warehouse.exists(spark, path)) {
      return Optional.empty();
    }
    Column which =
        functions.col("status").equalTo("succeeded").and(functions.col("job").equalTo(job));
    if (before != null) {
      which = which.and(functions.col("run_date").lt(Date.valueOf(before)));
    }
    Row r =
        spark.read().format("delta").load(path).where(which).selectExpr("max(run_date)").first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }

  /** The earliest run date whose given job succeeded, if any (e.g. the first date run). */
  public Optional<LocalDate> firstSucceeded(String job) {
    if (!Warehouse.exists(spark, path)) {
      return Optional.empty();
    }
    Row r =
        spark
            .read()
            .format("delta")
            .load(path)
            .where(
                functions.col("status").equalTo("succeeded").and(functions.col("job").equalTo(job)))
            .selectExpr("min(run_date)")
            .first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }

  /** Whether the given job succeeded for the given run date in some run. */
  public boolean succeeded(String job, LocalDate date) {
    return succeededDates(job, date, date).contains(date);
  }

  /** The run dates in {@code from..to} for which the given job succeeded, in one query. */
  public Set<LocalDate> succeededDates(String job, LocalDate from, LocalDate to) {
    return runDates(
        functions
            .col("status")
            .equalTo("succeeded")
            .and(functions.col("job").equalTo(job))
            .and(functions.col("run_date").between(Date.valueOf(from), Date.valueOf(to))));
  }

  /** The run dates for which the given job failed in the run {@code runId}. */
  public Set<LocalDate> failedDates(String runId, String job) {
    return runDates(
        functions
            .col("status")
            .equalTo("failed")
            .and(functions.col("job").equalTo(job))
            .and(functions.col("run_id").equalTo(runId)));
  }

  /** The distinct run dates of the rows that match {@code which}, in one query. */
  private Set<LocalDate> runDates(Column which) {
    if (!Warehouse.exists(spark, path)) {
      return Set.of();
    }
    Set<LocalDate> dates = new TreeSet<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(path)
            .where(which)
            .select("run_date")
            .distinct()
            .collectAsList()) {
      dates.add(r.getDate(0).toLocalDate());
    }
    return dates;
  }
}
