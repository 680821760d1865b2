package cmr.jobs;

import cmr.errors.Errors;
import cmr.ingest.BronzeWriter;
import cmr.ingest.PreparedSource;
import cmr.ingest.Reconciliation;
import cmr.ingest.Source;
import cmr.ingest.SourcePreparer;
import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Landing files of the run date to bronze Delta tables and the quarantine (SPEC §1). Every source
 * is read and judged first; only then is anything written, so an unreadable file leaves nothing
 * half-written. After writing, the per-file reconciliation (read = bronze + quarantined +
 * duplicates, counted back from the written tables) must add up, and each source's reject rate
 * must stay under {@code ingest.max_reject_rate} (the quarantine is written either way).
 */
public final class IngestJob implements Step {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public List<String> dependsOn() {
    return List.of();
  }

  @Override
  public StepResult run(RunContext ctx) {
    SourcePreparer preparer = new SourcePreparer(ctx);
    List<PreparedSource> prepared = new ArrayList<>();
    for (Source s : Source.ALL) {
      PreparedSource p = preparer.prepare(s);
      prepared.add(p);
      ctx.progress().step("ingest", String.format("%-13s read %,d rows from %d file(s): %,d accepted, "
              + "%,d quarantined, %,d duplicates", s.name(), p.read(), p.files().size(), p.accepted(),
          p.quarantined(), p.duplicates()));
    }
    BronzeWriter writer = new BronzeWriter(ctx);
    Reconciliation recon = new Reconciliation(ctx);
    long read = 0;
    long accepted = 0;
    long quarantined = 0;
    long duplicates = 0;
    try {
      for (PreparedSource p : prepared) {
        writer.write(p);
        recon.check(p);
        read += p.read();
        accepted += p.accepted();
        quarantined += p.quarantined();
        duplicates += p.duplicates();
      }
    } finally {
      prepared.forEach(p -> p.rows().unpersist());
    }
    for (PreparedSource p : prepared) {
      double rate = p.read() == 0 ? 0 : (double) p.quarantined() / p.read();
      if (rate > ctx.cfg().ingest().maxRejectRate()) {
        String top = p.reasons().entrySet().stream().limit(3)
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        throw Errors.rejectRate(p.source().name(), ctx.runDate().toString(), rate,
            ctx.cfg().ingest().maxRejectRate(), top);
      }
    }
    return new StepResult(read, accepted, quarantined, duplicates,
        prepared.stream().map(p -> p.source().name() + "=" + p.accepted())
            .collect(Collectors.joining(" ")));
  }
}
