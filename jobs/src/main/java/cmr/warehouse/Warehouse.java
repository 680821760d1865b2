package cmr.warehouse;

import cmr.errors.Errors;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where every table lives under the warehouse folder, and the two ways we write them: replace a
 * slice atomically ({@code replaceWhere}) or create. Path-based Delta tables: {@code
 * bronze/<source>}, {@code silver/<name>}, {@code state/<name>}, {@code gold/<name>}, {@code
 * ops/<name>}.
 */
public final class Warehouse {
  /** Every write's table and wall time go to the log file (logs/cmr.log), for profiling runs. */
  private static final Logger TRACE = LogManager.getLogger("cmr.trace");

  private final String root;

  public Warehouse(String root) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  public String bronze(String source) {
    return root + "/bronze/" + source;
  }

  public String silver(String name) {
    return root + "/silver/" + name;
  }

  public String state(String name) {
    return root + "/state/" + name;
  }

  public String gold(String name) {
    return root + "/gold/" + name;
  }

  public String ops(String name) {
    return root + "/ops/" + name;
  }

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /**
   * Atomically replaces the rows matching {@code predicate} (a SQL condition on the table's own
   * columns, built by the caller from typed values) with {@code rows}: one Delta commit, so readers
   * see the old slice or the new one. Creates the table if it does not exist yet. A table written
   * by an older version gains the columns this version adds (NULL in its other rows); a column
   * whose type differs is refused ({@link Errors#olderWarehouse}).
   */
  public static void replace(
      Dataset<Row> rows, String path, String predicate, List<String> partitionBy) {
    var w =
        rows.write()
            .format("delta")
            .mode("overwrite")
            .option("replaceWhere", predicate)
            .option("mergeSchema", String.valueOf(addsColumns(rows, path)));
    if (!partitionBy.isEmpty()) {
      w = w.partitionBy(partitionBy.toArray(String[]::new));
    }
    long start = System.nanoTime();
    try {
      w.save(path);
    } catch (Exception e) {
      throw olderSchema(rows, path, e);
    }
    trace("replace", path, start);
  }

  /** Whether {@code rows} has columns the existing table at {@code path} lacks. */
  private static boolean addsColumns(Dataset<Row> rows, String path) {
    SparkSession spark = rows.sparkSession();
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return false;
    }
    List<String> existing = List.of(DeltaTable.forPath(spark, path).toDF().schema().fieldNames());
    for (String name : rows.schema().fieldNames()) {
      if (!existing.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A write refused because the table's columns have other types than this version writes (a
   * warehouse built by an older version) becomes a failure that names the columns and the fix;
   * anything else is rethrown as it is.
   */
  private static RuntimeException olderSchema(Dataset<Row> rows, String path, Exception e) {
    String msg = String.valueOf(e.getMessage());
    if (!msg.contains("DELTA_FAILED_TO_MERGE_FIELDS") && !msg.contains("DELTA_SCHEMA_MISMATCH")) {
      // as it came (Delta's AnalysisException is checked in Java: wrapped with its own message)
      return e instanceof RuntimeException re ? re : new IllegalStateException(msg, e);
    }
    StructType table = rows.sparkSession().read().format("delta").load(path).schema();
    List<String> diffs = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      for (StructField t : table.fields()) {
        if (t.name().equals(f.name()) && !t.dataType().equals(f.dataType())) {
          diffs.add(
              f.name()
                  + " is "
                  + t.dataType().simpleString()
                  + " there, "
                  + f.dataType().simpleString()
                  + " now");
        }
      }
    }
    return Errors.olderWarehouse(path, diffs.isEmpty() ? msg : String.join("; ", diffs), e);
  }

  /** {@link #replace}, returning the rows written (from the commit's metrics, no second scan). */
  public static long replaceCounted(
      Dataset<Row> rows, String path, String predicate, List<String> partitionBy) {
    replace(rows, path, predicate, partitionBy);
    return rowsWritten(rows.sparkSession(), path);
  }

  /**
   * The rows the table's latest commit added: {@code numOutputRows} less {@code numCopiedRows} (the
   * rows outside the replaced slice that Delta rewrote because they shared a file with it; how many
   * depends on the file layout, so a rerun would count differently). The pipeline is the tables'
   * only writer, so the latest commit is the one just made.
   */
  static long rowsWritten(SparkSession spark, String path) {
    Row last =
        DeltaTable.forPath(spark, path)
            .history(1)
            .selectExpr(
                "CAST(operationMetrics['numOutputRows'] AS BIGINT)"
                    + " - coalesce(CAST(operationMetrics['numCopiedRows'] AS BIGINT), 0)")
            .first();
    return last.isNullAt(0) ? 0 : last.getLong(0);
  }

  private static void trace(String what, String path, long startNanos) {
    TRACE.info("{} {} in {} ms", what, path, (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Appends rows (only for append-only logs such as ops/job_runs). */
  public static void append(Dataset<Row> rows, String path) {
    long start = System.nanoTime();
    rows.write().format("delta").mode("append").option("mergeSchema", "true").save(path);
    trace("append", path, start);
  }

  /**
   * Registers every existing table of a layer as a temporary view named after it (e.g. {@code
   * gold/daily_kpis} as {@code daily_kpis}), for SQL files and {@code cmr sql}.
   */
  public void registerViews(SparkSession spark, String layer, List<String> names) {
    for (String name : names) {
      String path = root + "/" + layer + "/" + name;
      if (exists(spark, path)) {
        spark.read().format("delta").load(path).createOrReplaceTempView(name);
      }
    }
  }
}
