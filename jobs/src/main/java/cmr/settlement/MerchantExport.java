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
 * <p>Scalable: Spark writes all files at once as partitioned text output into a temporary folder
 * (one task per group of merchants, one file per merchant and month), then each file is renamed
 * into place (atomic per file: a reader sees the old file or the new one). Only the months that
 * this run may have changed are written: those from the run's recompute window (and, the first
 * time, every month since the first date run); {@code _exported_through} remembers the latest date
 * exported so a backfill exports the months of its inner dates once at its last date.
 */
public final class MerchantExport {
  private static final String MARKER = "_exported_through";

  private MerchantExport() {}

  /** Returns the number of files written. */
  public static long export(RunContext ctx) {
    SparkSession spark = ctx.spark();
    String base = ctx.cfg().paths().exportsDir() + "/merchants";
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      Path basePath = new Path(base);
      FileSystem checked = basePath.getFileSystem(conf);
      // On the local file system write without .crc side files (they would sit beside the CSVs).
      FileSystem fs = checked instanceof LocalFileSystem local ? local.getRaw() : checked;
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
      Path tmp = new Path(basePath, "_tmp-" + UUID.randomUUID());
      lines
          .repartition(functions.col("month"), functions.col("merchant_id"))
          .sortWithinPartitions("month", "merchant_id", "line_no", "channel")
          .select("month", "merchant_id", "line")
          .write()
          .partitionBy("month", "merchant_id")
          .option("lineSep", "\r\n")
          .text(tmp.toString());
      long files = moveIntoPlace(fs, conf, tmp, basePath);
      checked.delete(tmp, true);
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

  private static long moveIntoPlace(FileSystem fs, Configuration conf, Path tmp, Path base)
      throws IOException {
    long n = 0;
    for (FileStatus month : fs.listStatus(tmp, p -> p.getName().startsWith("month="))) {
      String m = ExternalCatalogUtils.unescapePathName(month.getPath().getName().substring(6));
      Path monthDir = new Path(base, m);
      fs.mkdirs(monthDir);
      for (FileStatus merchant :
          fs.listStatus(month.getPath(), p -> p.getName().startsWith("merchant_id="))) {
        FileStatus[] parts =
            fs.listStatus(merchant.getPath(), p -> p.getName().startsWith("part-"));
        if (parts.length != 1) {
          throw new IOException(parts.length + " part files in " + merchant.getPath());
        }
        String name = merchant.getPath().getName().substring("merchant_id=".length());
        Path target = new Path(monthDir, name + ".csv");
        replaceFile(fs, conf, parts[0].getPath(), target);
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
