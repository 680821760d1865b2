package cmr.ingest;

import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.util.List;

/**
 * Landing files of the run's arrival days (the run date, or a backfill's range) to bronze Delta
 * tables and the quarantine (SPEC §1). Every source is read and judged first; only then is anything
 * written, so an unreadable file leaves nothing half-written. After writing, the per-file
 * reconciliation (read = bronze + quarantined + duplicates, counted back from the written tables)
 * must add up, and each source's reject rate must stay under {@code ingest.max_reject_rate} (the
 * quarantine is written either way).
 */
public final class IngestStep implements Step {
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
    if (ctx.isRange()) {
      return StepResult.perDay(out.written(), out.failed());
    }
    if (!out.failed().isEmpty()) {
      throw out.failed().values().iterator().next();
    }
    return out.written().get(ctx.runDate());
  }
}
