package cmr.pipeline;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.Step;
import cmr.step.StepResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the steps of one run (one date, or a backfill's range of arrival days) in dependency order.
 * A step runs only when every step it depends on succeeded; a failed step does not stop independent
 * ones (a refused publication does not stop the dashboard export). Every step is written to {@code
 * ops/job_runs}. Throws the first failure once all runnable steps have run.
 */
public final class NightlyPipeline {
  private static final Logger LOG = LogManager.getLogger("cmr.trace");
  private final List<Step> steps;

  public NightlyPipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public List<Step> steps() {
    return steps;
  }

  /** The steps named, in this pipeline's order. */
  public NightlyPipeline only(Set<String> names) {
    return new NightlyPipeline(steps.stream().filter(s -> names.contains(s.name())).toList());
  }

  /** The steps not named, in this pipeline's order. */
  public NightlyPipeline without(Set<String> names) {
    return new NightlyPipeline(steps.stream().filter(s -> !names.contains(s.name())).toList());
  }

  public void run(RunContext ctx) {
    run(ctx, Set.of());
  }

  /** Runs the steps; {@code satisfied} names steps that already succeeded outside this run. */
  public void run(RunContext ctx, Set<String> satisfied) {
    RunLog log = new RunLog(ctx.spark(), ctx.wh());
    Set<String> succeeded = new HashSet<>(satisfied);
    List<CmrException> failures = new ArrayList<>();
    for (Step step : steps) {
      List<String> missing = step.dependsOn().stream().filter(d -> !succeeded.contains(d)).toList();
      Instant start = Instant.now();
      if (!missing.isEmpty()) {
        ctx.progress().step(step.name(), "not run: depends on failed step(s) " + missing);
        log.record(
            ctx.runId(),
            ctx.runDate(),
            step.name(),
            "not_run",
            start,
            Instant.now(),
            StepResult.skipped("depends on " + missing),
            null);
        continue;
      }
      ctx.spark().sparkContext().setJobDescription("cmr " + step.name() + " " + ctx.runDate());
      ctx.progress()
          .step(
              step.name(),
              "started for "
                  + (ctx.isRange() ? ctx.from() + " .. " + ctx.runDate() : ctx.runDate()));
      try {
        StepResult r = step.run(ctx);
        Instant end = Instant.now();
        if (!(step.perArrivalDay() && ctx.isRange())) {
          log.record(ctx.runId(), ctx.runDate(), step.name(), "succeeded", start, end, r, null);
        } else {
          log.recordAll(
              r.byDay().entrySet().stream()
                  .map(
                      e -> {
                        CmrException f = r.failedDays().get(e.getKey());
                        return RunLog.entry(
                            ctx.runId(),
                            e.getKey(),
                            step.name(),
                            f == null ? "succeeded" : "failed",
                            start,
                            end,
                            e.getValue(),
                            f == null ? null : f.oneLine());
                      })
                  .toList());
        }
        CmrException dayFailure = r.failedDays().values().stream().findFirst().orElse(null);
        if (dayFailure != null) {
          failures.add(dayFailure);
          ctx.progress()
              .step(
                  step.name(), "FAILED on " + r.failedDays().keySet() + ": " + dayFailure.reason());
          if (!ctx.options().keepGoing()) {
            continue;
          }
        }
        succeeded.add(step.name());
        ctx.progress().step(step.name(), "done" + (r.detail() == null ? "" : ": " + r.detail()));
      } catch (Exception e) { // Spark's SparkException is checked but thrown from Scala code
        CmrException ce = Errors.wrap(step.name(), "run " + ctx.runDate(), e);
        LOG.error(ce.oneLine(), e);
        ctx.progress().step(step.name(), "FAILED: " + ce.reason());
        Instant end = Instant.now();
        List<LocalDate> days = step.perArrivalDay() ? ctx.arrivalDays() : List.of(ctx.runDate());
        log.recordAll(
            days.stream()
                .map(
                    d ->
                        RunLog.entry(
                            ctx.runId(), d, step.name(), "failed", start, end, null, ce.oneLine()))
                .toList());
        failures.add(ce);
      } finally {
        ctx.spark().sparkContext().setJobDescription(null);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
