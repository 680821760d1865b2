package cmr.settlement;

import cmr.attribution.RoiTables;
import cmr.errors.Errors;
import cmr.sql.SqlFiles;
import cmr.step.RunCalendar;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.functions;

/**
 * The merchant-facing CSV export: {@code <exports>/merchants/<month>/<merchant_id>.csv}, one file
 * per merchant and month (spend, attributed orders, GMV and ROI per channel, and a total line with
 * the month's whole-site promotion compensation), RFC 4180 with CRLF line ends.
 *
 * <p>Scalable: Spark writes all files at once as partitioned text output into a staging folder
 * under the warehouse, {@code _staging/} (one task per group of merchants, one file per merchant
 * and month; on a cluster the executors write there, the file system they share), then the driver
 * moves each file into the exports folder, a local or mounted folder: a rename when both are on one
 * file system, else a copy beside the target and a rename over it (atomic per file: a reader sees
 * the old file or the new one). Only the months that this run may have changed are written: those
 * from the run's recompute window (and, the first time, every month since the first date run);
 * {@code _exported_through} remembers the latest date exported so a backfill exports the months of
 * its inner dates once at its last date.
 */
public final class MerchantExport {
  private static final String MARKER = "_exported_through";

  private MerchantExport() {}

  /** Returns the number of files written. */
  public static long export(RunContext ctx) {
    SparkSession spark = ctx.spark();
    Path basePath = new Path(ctx.cfg().paths().exportsFolder().resolve("merchants").toUri());
    String base = basePath.toString();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      // Without .crc side files (they would sit beside the CSVs).
      FileSystem fs = raw(basePath.getFileSystem(conf));
      LocalDate d = ctx.runDate();
      LocalDate from = exportFrom(ctx, fs, new Path(basePath, MARKER));
      spark
          .read()
          .format("delta")
          .load(ctx.wh().gold(RoiTables.CAMPAIGN_CHANNEL_DAILY))
          .createOrReplaceTempView("export_campaign_channel_daily");
      SilverTables.read(spark, ctx.wh().gold(Settlement.TABLE), settlementsSchema())
          .createOrReplaceTempView("export_settlements");
      YearMonth m0 = YearMonth.from(from);
      YearMonth m1 = YearMonth.from(d);
      Dataset<Row> lines =
          SqlFiles.run(
              spark,
              "settlement/merchant_export_lines",
              Map.of("from_date", m0.atDay(1), "to_date", m1.atEndOfMonth()));
      Path tmp = new Path(ctx.wh().root() + "/_staging/merchant-export-" + UUID.randomUUID());
      FileSystem tmpFs = raw(tmp.getFileSystem(conf));
      lines
          .repartition(functions.col("month"), functions.col("merchant_id"))
          .sortWithinPartitions("month", "merchant_id", "line_no", "channel")
          .select("month", "merchant_id", "line")
          .write()
          .partitionBy("month", "merchant_id")
          .option("lineSep", "\r\n")
          .text(tmp.toString());
      long files = moveIntoPlace(tmpFs, fs, conf, tmp, basePath);
      tmpFs.delete(tmp, true);
      writeMarker(fs, new Path(basePath, MARKER), d);
      return files;
    } catch (IOException e) {
      throw Errors.step("settlement", base, "merchant export failed: " + e.getMessage(), e);
    }
  }

  private static LocalDate exportFrom(RunContext ctx, FileSystem fs, Path marker)
      throws IOException {
    LocalDate first = RunCalendar.of(ctx).firstRunDate();
    LocalDate from = ctx.recomputeFrom();
    if (!fs.exists(marker)) {
      from = first;
    } else {
      String text;
      try (var in = fs.open(marker)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      LocalDate last = LocalDate.parse(text);
      LocalDate sinceLast = last.plusDays(1 - ctx.cfg().ingest().lateDays());
      from = sinceLast.isBefore(from) ? sinceLast : from;
    }
    // Settlements count compensation on the cycle's last day, which may precede the window.
    LocalDate cycleEnd =
        ctx.runDate()
            .minusDays(
                ctx.cfg().settlement().settlementLagDays()
                    + ctx.cfg().settlement().cycleDays()
                    - 1L);
    from = cycleEnd.isBefore(from) ? cycleEnd : from;
    return from.isBefore(first) ? first : from;
  }

  private static FileSystem raw(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  private static long moveIntoPlace(
      FileSystem tmpFs, FileSystem fs, Configuration conf, Path tmp, Path base) throws IOException {
    boolean sameFs = tmpFs.getUri().equals(fs.getUri());
    long n = 0;
    for (FileStatus month : tmpFs.listStatus(tmp, p -> p.getName().startsWith("month="))) {
      String m = ExternalCatalogUtils.unescapePathName(month.getPath().getName().substring(6));
      Path monthDir = new Path(base, m);
      fs.mkdirs(monthDir);
      for (FileStatus merchant :
          tmpFs.listStatus(month.getPath(), p -> p.getName().startsWith("merchant_id="))) {
        FileStatus[] parts =
            tmpFs.listStatus(merchant.getPath(), p -> p.getName().startsWith("part-"));
        if (parts.length != 1) {
          throw new IOException(parts.length + " part files in " + merchant.getPath());
        }
        String name = merchant.getPath().getName().substring("merchant_id=".length());
        Path target = new Path(monthDir, name + ".csv");
        Path src = parts[0].getPath();
        if (!sameFs) {
          // across file systems: a copy beside the target first, so the rename stays atomic
          Path copy = new Path(monthDir, "." + name + ".csv.tmp");
          if (!FileUtil.copy(tmpFs, src, fs, copy, false, true, conf)) {
            throw new IOException("cannot copy " + src + " to " + copy);
          }
          src = copy;
        }
        replaceFile(fs, conf, src, target);
        n++;
      }
    }
    return n;
  }

  private static void writeMarker(FileSystem fs, Path marker, LocalDate d) throws IOException {
    if (fs.exists(marker)) {
      try (var in = fs.open(marker)) {
        LocalDate last =
            LocalDate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        if (last.isAfter(d)) {
          return;
        }
      }
    }
    Path tmp = new Path(marker.getParent(), "." + MARKER + ".tmp");
    try (var out = fs.create(tmp, true)) {
      out.write((d + "\n").getBytes(StandardCharsets.UTF_8));
    }
    replaceFile(fs, fs.getConf(), tmp, marker);
  }

  /** Renames {@code src} over {@code dst} atomically (rename(2) locally, OVERWRITE elsewhere). */
  private static void replaceFile(FileSystem fs, Configuration conf, Path src, Path dst)
      throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      if (!fs.rename(src, dst)) {
        throw new IOException("cannot rename " + src + " to " + dst);
      }
    } else {
      FileContext.getFileContext(fs.getUri(), conf).rename(src, dst, Options.Rename.OVERWRITE);
    }
  }

  private static org.apache.spark.sql.types.StructType settlementsSchema() {
    return new org.apache.spark.sql.types.StructType()
        .add("merchant_id", org.apache.spark.sql.types.DataTypes.StringType)
        .add("cycle_end", org.apache.spark.sql.types.DataTypes.DateType)
        .add("compensation", org.apache.spark.sql.types.DataTypes.createDecimalType(18, 2));
  }
}
