package cmr.pipeline;

import cmr.config.CmrConfig;
import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.spark.SparkSessions;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.RunOptions;
import cmr.step.Step;
import cmr.step.StepResult;
import cmr.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/** Runs the nightly pipeline for one date or a range of dates, with one SparkSession. */
public final class Runner {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  /** The session setting whose value Delta writes into each commit's {@code userMetadata}. */
  public static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

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
    String runId =
        date
            + "_"
            + STAMP.format(Instant.now())
            + "_"
            + UUID.randomUUID().toString().substring(0, 6);
    return new RunContext(
        spark, cfg, new Warehouse(cfg.paths().warehouse()), date, runId, options, progress);
  }

  /** Runs every step for {@code date}; throws the first failure. */
  public void nightly(LocalDate date, RunOptions options) {
    nightly(Steps.nightly(), date, options);
  }

  public void nightly(NightlyPipeline pipeline, LocalDate date, RunOptions options) {
    nightly(pipeline, date, options, Set.of());
  }

  /**
   * Reruns only the named steps for {@code date} (e.g. {@code kpis,export} after a fix). A step
   * they depend on that is not named must already have succeeded for that date.
   */
  public void nightlySteps(LocalDate date, RunOptions options, Set<String> names) {
    NightlyPipeline all = Steps.nightly();
    List<String> known = all.steps().stream().map(Step::name).toList();
    for (String n : names) {
      if (!known.contains(n)) {
        throw Errors.usage(
            "--steps " + String.join(",", names),
            "unknown step '" + n + "'",
            "use some of " + String.join(",", known));
      }
    }
    NightlyPipeline chosen = all.only(names);
    RunLog log = new RunLog(spark, new Warehouse(cfg.paths().warehouse()));
    Set<String> satisfied = new HashSet<>();
    for (Step step : chosen.steps()) {
      for (String dep : step.dependsOn()) {
        if (names.contains(dep) || satisfied.contains(dep)) {
          continue;
        }
        if (!log.succeeded(dep, date)) {
          throw Errors.usage(
              "--steps " + String.join(",", names),
              "step '" + step.name() + "' needs '" + dep + "', which has not succeeded for " + date,
              "add it (--steps " + dep + "," + step.name() + ") or run the whole nightly");
        }
        satisfied.add(dep);
      }
    }
    nightly(chosen, date, options, satisfied);
  }

  private void nightly(
      NightlyPipeline pipeline, LocalDate date, RunOptions options, Set<String> satisfied) {
    run(pipeline, context(date, options), satisfied);
  }

  /** Runs the pipeline in {@code ctx} and records the run as a whole ({@code nightly}). */
  private void run(NightlyPipeline pipeline, RunContext ctx, Set<String> satisfied) {
    LocalDate date = ctx.runDate();
    RunLog log = new RunLog(spark, ctx.wh());
    Instant start = Instant.now();
    progress.step("nightly", "run " + ctx.runId());
    // every Delta commit of the run carries its run id: DESCRIBE HISTORY joins ops/job_runs
    spark.conf().set(USER_METADATA, ctx.runId());
    try {
      if (pipeline.steps().stream().anyMatch(s -> !s.perArrivalDay())) {
        // only runs that recompute state and gold depend on the earlier days (ingest alone can
        // fill a gap)
        GapCheck.check(ctx, ctx.isRange() ? "backfill" : "nightly");
      }
      pipeline.run(ctx, satisfied);
      log.record(
          ctx.runId(),
          date,
          "nightly",
          "succeeded",
          start,
          Instant.now(),
          StepResult.of(0, 0, "all steps succeeded"),
          null);
      progress.step("nightly", date + " succeeded");
    } catch (CmrException e) {
      log.record(ctx.runId(), date, "nightly", "failed", start, Instant.now(), null, e.oneLine());
      throw e;
    } finally {
      spark.conf().unset(USER_METADATA);
    }
  }

  /**
   * Replays the quarantined rows of {@code source} on arrival day {@code dt} after upstream fixed
   * the files ({@link Replay}); returns the summary line.
   */
  public String replay(String source, LocalDate dt, String reason, RunOptions options) {
    return Replay.run(this, source, dt, reason, options);
  }

  /**
   * Backfill: the same gold tables as running nightly for each date from {@code from} to {@code to}
   * in order, by the same steps in one pass over the range (the run context's arrival days {@code
   * from .. to}). Ingest judges every row against its own arrival day and duplicates in arrival
   * order; silver is built for all those days at once; every later step runs once for {@code to},
   * recomputing all event dates of the range (events dated D are complete once D + late_days has
   * been ingested, so one pass over everything equals the nightly sequence; settlements use only
   * what had arrived by each cycle's settling date). Training, publication and export run for the
   * last date only. A day whose reject rate breaks the limit stops the backfill after that day is
   * written, unless {@code keepGoing}: then the other days go on and the failed days stay out of
   * silver until rerun. With {@code resume}, a range whose days were all ingested and built into
   * silver skips straight to the steps after silver.
   */
  public void backfill(
      LocalDate from, LocalDate to, RunOptions options, boolean keepGoing, boolean resume) {
    if (to.isBefore(from)) {
      throw Errors.usage(
          "--from " + from + " --to " + to, "the range is empty", "give --from on or before --to");
    }
    RunContext ctx = context(to, options.withRange(from, keepGoing));
    Set<String> satisfied = Set.of();
    if (resume && ctx.runLog().succeededDates("silver", from, to).containsAll(ctx.arrivalDays())) {
      progress.step("backfill", "every day already ingested, skipped (--resume)");
      satisfied = Set.of("ingest", "silver");
    }
    progress.step(
        "backfill",
        "arrival days "
            + from
            + " .. "
            + to
            + ", gold recomputed from "
            + ctx.recomputeFrom()
            + ", in one pass");
    run(Steps.nightly().without(satisfied), ctx, satisfied);
  }
}
