package cmr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import cmr.errors.Errors;
import cmr.ingest.LandingReader.UnreadableFileException;
import cmr.loader.CoefficientsFormat;
import cmr.sql.SqlFiles;
import cmr.step.RunContext;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads one source's landing folders for arrival days {@code from..to}, validates every row with
 * {@code sql/bronze/validate_<source>.sql} (each row against its own arrival day), decides
 * duplicates, persists the result and counts it per file. Everything is read before anything is
 * written, so an unreadable file fails the run with nothing half-written (or, when configured, is
 * quarantined whole as {@code unreadable_file}).
 */
public final class SourcePreparer {
  private static final Logger LOG = LogManager.getLogger(SourcePreparer.class);
  private final RunContext ctx;
  private final LandingReader reader;

  public SourcePreparer(RunContext ctx) {
    this.ctx = ctx;
    this.reader = new LandingReader(ctx.spark());
  }

  public PreparedSource prepare(Source source, LocalDate from, LocalDate to) {
    List<LandingFile> files = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    Set<LocalDate> present = new HashSet<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      String folder = LandingReader.folder(ctx.cfg().paths().landing(), source, d);
      if (reader.exists(folder)) {
        present.add(d);
        files.addAll(reader.list(folder, d, ignored));
      }
    }
    for (String f : ignored) {
      ctx.progress()
          .step("ingest", "ignoring " + f + " (not .jsonl, .jsonl.gz, .csv, .csv.gz or .parquet)");
    }
    List<FileCounts> unreadable = new ArrayList<>();
    while (true) {
      try {
        return judge(source, from, present, files, unreadable);
      } catch (Exception e) { // Spark throws SparkException (checked) from Scala code
        UnreadableFileException bad = findUnreadable(source, files, e);
        if (!ctx.cfg().ingest().quarantineUnreadableFiles()) {
          throw Errors.unreadableFile(bad.file(), rootMessage(bad), bad);
        }
        LandingFile f =
            files.stream().filter(x -> x.path().equals(bad.file())).findFirst().orElseThrow();
        ctx.progress().step("ingest", "quarantining unreadable file " + f.path());
        files.remove(f);
        unreadable.add(new FileCounts(f.path(), f.arrivalDate(), 0, 0, 0, 0));
      }
    }
  }

  private PreparedSource judge(
      Source source,
      LocalDate from,
      Set<LocalDate> present,
      List<LandingFile> files,
      List<FileCounts> unreadable) {
    reader.read(source, files).createOrReplaceTempView("landing_rows");
    Map<String, Object> args =
        Map.of(
            "late_days",
            ctx.cfg().ingest().lateDays(),
            "max_money",
            ctx.cfg().ingest().maxMoney().toPlainString(),
            "channels",
            CoefficientsFormat.AD_CHANNELS.toArray(String[]::new));
    Dataset<Row> validated = SqlFiles.run(ctx.spark(), "bronze/validate_" + source.name(), args);
    Dataset<Row> judged =
        source.fact()
            ? Deduplicator.facts(validated, recentIds(source, from), ctx.cfg().ingest().lateDays())
            : Deduplicator.snapshot(validated, source.key());
    // Materialised once, without lineage: a cache would not do, because writing bronze makes
    // Spark drop every cached plan that reads bronze (recentIds does), and the quarantine write
    // and the reconciliation would then read, validate and deduplicate the landing files again.
    judged = judged.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());

    // One pass over the data: counts per file and outcome, text that is not UTF-8.
    Map<String, FileCounts> counts = new TreeMap<>();
    for (LandingFile f : files) {
      counts.put(f.path(), new FileCounts(f.path(), f.arrivalDate(), 0, 0, 0, 0));
    }
    List<Row> perFile =
        judged
            .groupBy(col("_source_file"), col("_arrival_date"))
            .agg(
                count(lit(1)).as("read"),
                sum(when(col("_outcome").equalTo(Deduplicator.ACCEPTED), 1).otherwise(0)).as("acc"),
                sum(when(col("_outcome").equalTo(Deduplicator.QUARANTINED), 1).otherwise(0))
                    .as("qua"),
                sum(when(col("_outcome").equalTo(Deduplicator.DUPLICATE), 1).otherwise(0))
                    .as("dup"),
                sum(when(col("_bad_utf8"), 1).otherwise(0)).as("bad_utf8"))
            .collectAsList();
    for (Row r : perFile) {
      String file = r.getString(0);
      if (r.getLong(6) > 0) {
        throw new UnreadableFileException(
            file, "not UTF-8 (" + r.getLong(6) + " line(s) with invalid bytes)");
      }
      counts.put(
          file,
          new FileCounts(
              file,
              r.getDate(1).toLocalDate(),
              r.getLong(2),
              r.getLong(3),
              r.getLong(4),
              r.getLong(5)));
    }
    Map<LocalDate, Map<String, Long>> reasons = new TreeMap<>();
    for (Row r :
        judged
            .where(col("reason").isNotNull())
            .groupBy("_arrival_date", "reason")
            .count()
            .orderBy(col("count").desc(), col("reason"))
            .collectAsList()) {
      reasons
          .computeIfAbsent(r.getDate(0).toLocalDate(), d -> new LinkedHashMap<>())
          .put(r.getString(1), r.getLong(2));
    }
    return new PreparedSource(
        source, Set.copyOf(present), judged, counts, List.copyOf(unreadable), reasons);
  }

  /** Ids accepted on the late_days arrival days before {@code from} (a rerun ignores its own). */
  private Dataset<Row> recentIds(Source source, LocalDate from) {
    String path = ctx.wh().bronze(source.name());
    if (!Warehouse.exists(ctx.spark(), path)) {
      return ctx.spark()
          .sql("SELECT CAST(NULL AS STRING) AS event_id, CAST(NULL AS DATE) AS arrival_date")
          .limit(0);
    }
    LocalDate earliest = from.minusDays(ctx.cfg().ingest().lateDays());
    return ctx.spark()
        .read()
        .format("delta")
        .load(path)
        .where(col("arrival_date").geq(lit(earliest)).and(col("arrival_date").lt(lit(from))))
        .select("event_id", "arrival_date");
  }

  /** Names the file that cannot be read, reading the files one by one when Spark did not say. */
  private UnreadableFileException findUnreadable(
      Source source, List<LandingFile> files, Exception e) {
    if (e instanceof UnreadableFileException u) {
      return u;
    }
    if (e instanceof cmr.errors.CmrException ce) {
      throw ce;
    }
    for (LandingFile f : files) {
      try {
        reader.read(source, List.of(f)).where(col("_bad_utf8")).count();
      } catch (Exception fileError) {
        LOG.warn("cannot read {}: {}", f.path(), rootMessage(fileError));
        return new UnreadableFileException(f.path(), fileError);
      }
    }
    throw Errors.step("ingest", source.name(), rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    if (e instanceof UnreadableFileException && e.getCause() == null) {
      return e.getMessage();
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return t.getClass().getSimpleName() + ": " + (nl > 0 ? m.substring(0, nl) : m);
  }
}
