package cmr.ops;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.step.Progress;
import cmr.warehouse.Warehouse;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code cmr maintain}: for every Delta table of the warehouse, OPTIMIZE (bin-packing compaction of
 * the small files the nightly writes, partition by partition) and then VACUUM (delete the data
 * files no version inside the retention references). Both are ordinary Delta operations: OPTIMIZE
 * commits a new version with the same rows, so readers see the old snapshot or the new one, and
 * VACUUM only deletes files older than the retention, which no reader of a retained version needs.
 * Prints the files and bytes of each table, live (in the current version) and on disk, before and
 * after.
 */
public final class Maintenance {
  /** The layers whose folders hold Delta tables. */
  public static final List<String> LAYERS = List.of("bronze", "silver", "state", "gold", "ops");

  /** Files and bytes of one table: in its current version, and on disk (all versions). */
  public record Files(long liveFiles, long liveBytes, long diskFiles, long diskBytes) {}

  /** What maintenance did to one table. */
  public record TableResult(String table, Files before, Files after) {
    public String line() {
      return String.format(
          "%-36s live %,7d -> %,6d files (%s -> %s)   on disk %,7d -> %,6d files (%s -> %s)",
          table,
          before.liveFiles(),
          after.liveFiles(),
          size(before.liveBytes()),
          size(after.liveBytes()),
          before.diskFiles(),
          after.diskFiles(),
          size(before.diskBytes()),
          size(after.diskBytes()));
    }
  }

  private final SparkSession spark;
  private final Warehouse wh;
  private final Duration retention;

  public Maintenance(SparkSession spark, CmrConfig cfg) {
    this.spark = spark;
    this.wh = new Warehouse(cfg.paths().warehouse());
    this.retention = cfg.operations().vacuumRetention();
  }

  /** The Delta tables of the warehouse, as {@code layer/name}, in layer order. */
  public List<String> tables() {
    List<String> out = new ArrayList<>();
    for (String layer : LAYERS) {
      Path dir = new Path(wh.root() + "/" + layer);
      try {
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus s : fs.listStatus(dir)) {
          if (s.isDirectory() && fs.exists(new Path(s.getPath(), "_delta_log"))) {
            out.add(layer + "/" + s.getPath().getName());
          }
        }
      } catch (IOException e) {
        throw Errors.step("maintain", dir.toString(), "cannot list: " + e.getMessage(), e);
      }
    }
    out.sort(null);
    return out;
  }

  /** Compacts and vacuums {@code tables} (all when empty); one result per table. */
  public List<TableResult> run(List<String> tables, boolean vacuumOnly, Progress progress) {
    List<TableResult> out = new ArrayList<>();
    List<String> which = tables.isEmpty() ? tables() : tables;
    double hours = retention.toMinutes() / 60.0;
    spark
        .conf()
        .set(
            "spark.databricks.delta.commitInfo.userMetadata",
            "maintain_"
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    for (String t : which) {
      String path = wh.root() + "/" + t;
      Files before = files(path);
      DeltaTable table = DeltaTable.forPath(spark, path);
      if (!vacuumOnly) {
        table.optimize().executeCompaction();
      }
      quietly(() -> table.vacuum(hours));
      TableResult r = new TableResult(t, before, files(path));
      progress.step("maintain", r.line());
      out.add(r);
    }
    spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
    return out;
  }

  /**
   * Runs {@code r} without Delta's own "Deleted N files" lines on stdout (the table line says it).
   */
  private static void quietly(Runnable r) {
    scala.Console$.MODULE$.withOut(
        java.io.OutputStream.nullOutputStream(),
        (scala.Function0<Object>)
            () -> {
              r.run();
              return scala.runtime.BoxedUnit.UNIT;
            });
  }

  /** Files and bytes of the table at {@code path}, live and on disk (the log excluded). */
  public Files files(String path) {
    Row d = DeltaTable.forPath(spark, path).detail().select("numFiles", "sizeInBytes").first();
    long diskFiles = 0;
    long diskBytes = 0;
    Path root = new Path(path);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        String rel = s.getPath().toUri().getPath().substring(root.toUri().getPath().length());
        if (!rel.contains("/_delta_log/") && s.getPath().getName().endsWith(".parquet")) {
          diskFiles++;
          diskBytes += s.getLen();
        }
      }
    } catch (IOException e) {
      throw Errors.step("maintain", path, "cannot list: " + e.getMessage(), e);
    }
    return new Files(d.getLong(0), d.getLong(1), diskFiles, diskBytes);
  }

  static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }
}
