package cmr.pipeline;

import cmr.config.CmrConfig;
import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.ops.Progress;
import cmr.ops.RunLog;
import cmr.spark.SparkSessions;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Runs the nightly pipeline for one date or a range of dates, with one SparkSession. */
public final class Runner {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
      .withZone(ZoneOffset.UTC);
  private final CmrConfig cfg;
  private final SparkSession spark;
  private final Progress progress;

  public Runner(CmrConfig cfg, SparkSession spark, Progress progress) {
    this.cfg = cfg;
    this.spark = spark;
    this.progress = progress;
  }

  public static Runner create(CmrConfig cfg) {
    return new Runner(cfg, SparkSessions.getOrCreate(cfg), Progress.stdout());
  }

  public SparkSession spark() {
    return spark;
  }

  public CmrConfig config() {
    return cfg;
  }

  public RunContext context(LocalDate date, RunOptions options) {
    String runId = date + "_" + STAMP.format(Instant.now()) + "_"
        + UUID.randomUUID().toString().substring(0, 6);
    return new RunContext(spark, cfg, new Warehouse(cfg.paths().warehouse()), date, runId, options,
        progress);
  }

  /** Runs every step for {@code date}; throws the first failure. */
  public void nightly(LocalDate date, RunOptions options) {
    nightly(Steps.nightly(), date, options);
  }

  public void nightly(NightlyPipeline pipeline, LocalDate date, RunOptions options) {
    RunContext ctx = context(date, options);
    RunLog log = new RunLog(spark, ctx.wh());
    Instant start = Instant.now();
    progress.step("nightly", "run " + ctx.runId());
    try {
      pipeline.run(ctx);
      log.record(ctx.runId(), date, "nightly", "succeeded", start, Instant.now(),
          StepResult.of(0, 0, "all steps succeeded"), null);
      progress.step("nightly", date + " succeeded");
    } catch (CmrException e) {
      log.record(ctx.runId(), date, "nightly", "failed", start, Instant.now(), null, e.oneLine());
      throw e;
    }
  }

  /**
   * Runs nightly for each date from {@code from} to {@code to} in order; trains, publishes and
   * exports only for the last date. With {@code resume}, dates whose nightly run already
   * succeeded are skipped; with {@code keepGoing}, a failed date does not stop the range.
   */
  public void backfill(LocalDate from, LocalDate to, RunOptions options, boolean keepGoing,
                       boolean resume) {
    if (to.isBefore(from)) {
      throw Errors.usage("--from " + from + " --to " + to, "the range is empty",
          "give --from on or before --to");
    }
    RunLog log = new RunLog(spark, new Warehouse(cfg.paths().warehouse()));
    CmrException first = null;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (resume && log.succeeded("nightly", d)) {
        progress.step("backfill", d + " already succeeded, skipped (--resume)");
        continue;
      }
      boolean last = d.equals(to);
      try {
        nightly(d, options.withTrainAndExport(last && options.trainAndExport()));
      } catch (CmrException e) {
        if (!keepGoing) {
          throw e;
        }
        progress.step("backfill", d + " failed, going on (--keep-going): " + e.reason());
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
