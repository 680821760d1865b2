package cmr.ingest;

import cmr.errors.Errors;
import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Landing files of the run's arrival days (the run date, or a backfill's range) to bronze Delta
 * tables and the quarantine (SPEC §1). Every source is read and judged first; only then is anything
 * written, so an unreadable file leaves nothing half-written. After writing, the per-file
 * reconciliation (read = bronze + quarantined + duplicates, counted back from the written tables)
 * must add up, and each source's reject rate must stay under {@code ingest.max_reject_rate} (the
 * quarantine is written either way).
 */
public final class IngestStep implements Step {
  private static final org.apache.logging.log4j.Logger LOG =
      org.apache.logging.log4j.LogManager.getLogger(IngestStep.class);

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<String> dependsOn() {
    return List.of();
  }

  @Override
  public List<String> reads() {
    return List.of("landing/<source>/dt=D", "bronze/<source>");
  }

  @Override
  public List<String> writes() {
    return List.of("bronze/<source>", "ops/quarantine", "ops/ingest_files");
  }

  @Override
  public boolean perArrivalDay() {
    return true;
  }

  @Override
  public StepResult run(RunContext ctx) {
    if (ctx.isRange()) {
      ctx.progress()
          .step(
              name(),
              "ingesting "
                  + ctx.arrivalDays().size()
                  + " arrival days "
                  + ctx.from()
                  + " .. "
                  + ctx.runDate()
                  + " in one pass");
    }
    RangeIngestion.Outcome out =
        new RangeIngestion(ctx).run(ctx.from(), ctx.runDate(), ctx.options().keepGoing());
    Map<LocalDate, StepResult> written = withFreshness(ctx, out.written());
    if (ctx.isRange()) {
      return StepResult.perDay(written, out.failed());
    }
    if (!out.failed().isEmpty()) {
      throw out.failed().values().iterator().next();
    }
    return written.get(ctx.runDate());
  }

  /**
   * Judges each written day's fact deliveries ({@link Freshness}): a problem is a warning on stderr
   * and in the day's run-log detail, or fails the run with exit code 7 when configured.
   */
  private static Map<LocalDate, StepResult> withFreshness(
      RunContext ctx, Map<LocalDate, StepResult> written) {
    List<Freshness.Finding> findings =
        Freshness.check(ctx, new ArrayList<>(new TreeMap<>(written).keySet()));
    if (findings.isEmpty()) {
      return written;
    }
    if (ctx.cfg().operations().freshness().fail()) {
      Freshness.Finding f = findings.get(0);
      throw Errors.staleInput(
          f.source() + " dt=" + f.day(),
          f.problem() + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : ""));
    }
    Map<LocalDate, StepResult> out = new TreeMap<>(written);
    for (Freshness.Finding f : findings) {
      System.err.println("cmr: warning: freshness: " + f.line());
      LOG.warn("freshness: {}", f.line());
      StepResult r = out.get(f.day());
      out.put(
          f.day(),
          new StepResult(
              r.rowsIn(),
              r.rowsOut(),
              r.rowsQuarantined(),
              r.rowsDuplicate(),
              (r.detail() == null ? "" : r.detail() + "; ") + "freshness warning: " + f.line()));
    }
    return out;
  }
}
