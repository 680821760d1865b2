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
import java.util.Set;
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
    nightly(pipeline, date, options, Set.of());
  }

  private void nightly(NightlyPipeline pipeline, LocalDate date, RunOptions options,
                       Set<String> satisfied) {
    RunContext ctx = context(date, options);
    RunLog log = new RunLog(spark, ctx.wh());
    Instant start = Instant.now();
    progress.step("nightly", "run " + ctx.runId());
    try {
      pipeline.run(ctx, satisfied);
      log.record(ctx.runId(), date, "nightly", "succeeded", start, Instant.now(),
          StepResult.of(0, 0, "all steps succeeded"), null);
      progress.step("nightly", date + " succeeded");
    } catch (CmrException e) {
      log.record(ctx.runId(), date, "nightly", "failed", start, Instant.now(), null, e.oneLine());
      throw e;
    }
  }

  /**
   * Backfill: the same gold tables as running nightly for each date from {@code from} to {@code to}
   * in order, in fewer passes. Each date is ingested (and its silver rows built) in order, since
   * duplicates and lateness depend on the arrival day; then every later step runs once for
   * {@code to}, recomputing all event dates of the range (events dated D are final once D +
   * late_days has been ingested, so one pass over everything equals the nightly sequence;
   * settlements use only what had arrived by each cycle's settling date). Training, publication
   * and export run for the last date only. With {@code resume}, dates already ingested are
   * skipped; with {@code keepGoing}, a date that fails to ingest does not stop the range.
   */
  public void backfill(LocalDate from, LocalDate to, RunOptions options, boolean keepGoing,
                       boolean resume) {
    if (to.isBefore(from)) {
      throw Errors.usage("--from " + from + " --to " + to, "the range is empty",
          "give --from on or before --to");
    }
    Set<String> daily = Set.of("ingest", "silver");
    NightlyPipeline all = Steps.nightly();
    RunLog log = new RunLog(spark, new Warehouse(cfg.paths().warehouse()));
    CmrException first = null;
    long days = from.datesUntil(to.plusDays(1)).count();
    int i = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      i++;
      if (resume && log.succeeded("silver", d)) {
        progress.step("backfill", d + " already ingested, skipped (--resume)");
        continue;
      }
      progress.step("backfill", String.format("day %d/%d: %s ingest and silver", i, days, d));
      try {
        all.only(daily).run(context(d, options.withTrainAndExport(false)));
      } catch (CmrException e) {
        if (!keepGoing) {
          throw e;
        }
        progress.step("backfill", d + " failed, going on (--keep-going): " + e.reason());
        first = first == null ? e : first;
      }
    }
    progress.step("backfill", "computing gold for " + from.minusDays(cfg.ingest().lateDays())
        + " .. " + to + " in one pass");
    nightly(all.without(daily), to, options.withRecomputeFrom(
        from.minusDays(cfg.ingest().lateDays())), daily);
    if (first != null) {
      throw first;
    }
  }
}
