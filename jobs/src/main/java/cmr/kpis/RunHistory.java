package cmr.kpis;

import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

/**
 * The first and latest run dates of a step that succeeded, from {@code ops/job_runs}. Reads one
 * small append-only log; cost grows with the number of runs only (a few rows per night).
 */
public final class RunHistory {
  private RunHistory() {}

  /** {@code [first, latest]} succeeded run dates of {@code job}, or nulls when it never succeeded. */
  public static LocalDate[] succeededRange(SparkSession spark, Warehouse wh, String job) {
    String path = wh.ops("job_runs");
    if (!Warehouse.exists(spark, path)) {
      return new LocalDate[] {null, null};
    }
    Row r = spark.read().format("delta").load(path)
        .where(col("status").equalTo("succeeded").and(col("job").equalTo(job)))
        .agg(min("run_date"), max("run_date")).first();
    return new LocalDate[] {
        r.isNullAt(0) ? null : r.getDate(0).toLocalDate(),
        r.isNullAt(1) ? null : r.getDate(1).toLocalDate()};
  }
}
