package cmr.ingest;

import cmr.errors.Errors;
import cmr.pipeline.RunContext;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Reads one source's landing folder for the run date, validates every row with
 * {@code sql/bronze/validate_<source>.sql}, decides duplicates, persists the result and counts it
 * per file. Reads everything before anything is written, so an unreadable file fails the run with
 * nothing half-written (or, when configured, is quarantined whole as {@code unreadable_file}).
 */
public final class SourcePreparer {
  private static final Logger LOG = LogManager.getLogger(SourcePreparer.class);
  private final RunContext ctx;
  private final LandingReader reader;

  public SourcePreparer(RunContext ctx) {
    this.ctx = ctx;
    this.reader = new LandingReader(ctx.spark());
  }

  public PreparedSource prepare(Source source) {
    String folder = LandingReader.folder(ctx.cfg().paths().landing(), source, ctx.runDate());
    List<LandingFile> files = new ArrayList<>(reader.list(folder));
    for (String ignored : reader.ignored(folder)) {
      ctx.progress().step("ingest", source.name() + ": ignoring " + ignored
          + " (not .jsonl, .jsonl.gz, .csv, .csv.gz or .parquet)");
    }
    List<String> unreadable = new ArrayList<>();
    while (true) {
      try {
        return judge(source, !files.isEmpty() || reader.exists(folder), files, unreadable);
      } catch (Exception e) { // Spark throws SparkException (checked) from Scala code
        LandingFile bad = findUnreadable(source, files, e);
        if (!ctx.cfg().ingest().quarantineUnreadableFiles()) {
          throw Errors.unreadableFile(bad.path(), rootMessage(e), e);
        }
        ctx.progress().step("ingest", "quarantining unreadable file " + bad.path());
        files.remove(bad);
        unreadable.add(bad.path());
      }
    }
  }

  private PreparedSource judge(Source source, boolean present, List<LandingFile> files,
                               List<String> unreadable) {
    SparkSession spark = ctx.spark();
    Dataset<Row> landing = files.stream().map(f -> reader.read(source, f))
        .reduce(Dataset::unionByName)
        .orElseGet(() -> emptyLanding(source));
    landing.createOrReplaceTempView("landing_rows");
    Map<String, Object> args = Map.of("run_date", ctx.runDate(),
        "late_days", ctx.cfg().ingest().lateDays(),
        "max_money", ctx.cfg().ingest().maxMoney().toPlainString());
    Dataset<Row> validated = SqlFiles.run(spark, "bronze/validate_" + source.name(), args);
    Dataset<Row> judged = source.fact()
        ? Deduplicator.facts(validated, recentIds(source))
        : Deduplicator.snapshot(validated, source.key());
    judged = judged.persist(StorageLevel.MEMORY_AND_DISK());

    // One pass over the data: counts per file and outcome, unreadable text, reasons.
    Map<String, FileCounts> counts = new TreeMap<>();
    for (LandingFile f : files) {
      counts.put(f.path(), new FileCounts(f.path(), 0, 0, 0, 0));
    }
    List<Row> perFile = judged.groupBy(col("_source_file"))
        .agg(count(lit(1)).as("read"),
            sum(when(col("_outcome").equalTo(Deduplicator.ACCEPTED), 1).otherwise(0)).as("acc"),
            sum(when(col("_outcome").equalTo(Deduplicator.QUARANTINED), 1).otherwise(0)).as("qua"),
            sum(when(col("_outcome").equalTo(Deduplicator.DUPLICATE), 1).otherwise(0)).as("dup"),
            sum(when(col("_bad_utf8"), 1).otherwise(0)).as("bad_utf8"))
        .collectAsList();
    for (Row r : perFile) {
      String file = r.getString(0);
      if (r.getLong(5) > 0) {
        judged.unpersist();
        throw new NotUtf8Exception(file, r.getLong(5));
      }
      counts.put(file, new FileCounts(file, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (Row r : judged.where(col("reason").isNotNull()).groupBy("reason").count()
        .orderBy(col("count").desc()).collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    return new PreparedSource(source, present, judged, counts, List.copyOf(unreadable), reasons);
  }

  /** Ids accepted on the late_days arrival days before the run date (a rerun ignores its own). */
  private Dataset<Row> recentIds(Source source) {
    String path = ctx.wh().bronze(source.name());
    if (!Warehouse.exists(ctx.spark(), path)) {
      return ctx.spark().emptyDataFrame().select(lit(null).cast("string").as("event_id")).limit(0);
    }
    LocalDate from = ctx.runDate().minusDays(ctx.cfg().ingest().lateDays());
    return ctx.spark().read().format("delta").load(path)
        .where(col("arrival_date").geq(lit(from)).and(col("arrival_date").lt(lit(ctx.runDate()))))
        .select("event_id");
  }

  private Dataset<Row> emptyLanding(Source source) {
    StringBuilder ddl = new StringBuilder("_record BIGINT, _raw STRING, _corrupt BOOLEAN, "
        + "_bad_utf8 BOOLEAN");
    for (String f : source.fields()) {
      ddl.append(", ").append(f).append(" STRING");
    }
    ddl.append(", _source_file STRING");
    return ctx.spark().createDataFrame(List.of(), org.apache.spark.sql.types.StructType.fromDDL(ddl.toString()));
  }

  /** Reads the files one by one to name the one that cannot be read. */
  private LandingFile findUnreadable(Source source, List<LandingFile> files, Exception e) {
    if (e instanceof NotUtf8Exception nu) {
      for (LandingFile f : files) {
        if (f.path().equals(nu.file)) {
          return f;
        }
      }
    }
    if (e instanceof cmr.errors.CmrException ce) {
      throw ce;
    }
    for (LandingFile f : files) {
      try {
        reader.read(source, f).where(col("_bad_utf8")).count();
      } catch (Exception fileError) {
        LOG.warn("cannot read {}: {}", f.path(), rootMessage(fileError));
        return f;
      }
    }
    throw Errors.step("ingest", source.name() + " dt=" + ctx.runDate(), rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    if (e instanceof NotUtf8Exception nu) {
      return nu.getMessage();
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return t.getClass().getSimpleName() + ": " + (nl > 0 ? m.substring(0, nl) : m);
  }

  /** A text file with bytes that are not UTF-8. */
  static final class NotUtf8Exception extends RuntimeException {
    final String file;

    NotUtf8Exception(String file, long lines) {
      super("not UTF-8 (" + lines + " line(s) with invalid bytes)");
      this.file = file;
    }
  }
}
