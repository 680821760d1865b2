package cmr.ingest;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.step.RunContext;
import cmr.step.StepResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Ingests the arrival days {@code from..to} of every source in one pass (a nightly run is the range
 * of one day; a backfill, its whole range). Every source is read and judged first; then the days
 * are written (bronze, quarantine), reconciled, and each (source, day) reject rate checked. When a
 * day breaks the reject-rate limit, its quarantine and bronze are still written and it is reported
 * as failed; without {@code keepGoing} the days after it are not written (as a nightly sequence
 * would stop there).
 */
public final class RangeIngestion {
  private final RunContext ctx;

  public RangeIngestion(RunContext ctx) {
    this.ctx = ctx;
  }

  /** What happened to each day: its counts and, for a failed day, the failure. */
  public record Outcome(Map<LocalDate, StepResult> written, Map<LocalDate, CmrException> failed) {}

  public Outcome run(LocalDate from, LocalDate to, boolean keepGoing) {
    SourcePreparer preparer = new SourcePreparer(ctx);
    List<PreparedSource> prepared = new ArrayList<>();
    try {
      for (Source s : Source.ALL) {
        PreparedSource p = preparer.prepare(s, from, to);
        prepared.add(p);
        ctx.progress()
            .step(
                "ingest",
                String.format(
                    "%-13s read %,d rows from %d file(s): %,d accepted, "
                        + "%,d quarantined, %,d duplicates",
                    s.name(),
                    p.read(null),
                    p.files(null),
                    p.accepted(null),
                    p.quarantined(null),
                    p.duplicates(null)));
      }
      Map<LocalDate, CmrException> failed = rejectRates(prepared, from, to);
      LocalDate last = keepGoing || failed.isEmpty() ? to : failed.keySet().iterator().next();
      DaySlice days = DaySlice.range(from, last);
      BronzeWriter writer = new BronzeWriter(ctx);
      Reconciliation recon = new Reconciliation(ctx);
      for (PreparedSource p : prepared) {
        writer.writeBronze(p, days);
      }
      writer.writeQuarantine(prepared, days);
      recon.check(prepared, days);
      Map<LocalDate, StepResult> written = new TreeMap<>();
      for (LocalDate d : days.days()) {
        final LocalDate day = d;
        written.put(
            d,
            new StepResult(
                prepared.stream().mapToLong(p -> p.read(day)).sum(),
                prepared.stream().mapToLong(p -> p.accepted(day)).sum(),
                prepared.stream().mapToLong(p -> p.quarantined(day)).sum(),
                prepared.stream().mapToLong(p -> p.duplicates(day)).sum(),
                prepared.stream()
                    .map(p -> p.source().name() + "=" + p.accepted(day))
                    .collect(Collectors.joining(" "))));
      }
      failed.keySet().removeIf(d -> d.isAfter(last));
      return new Outcome(written, failed);
    } finally {
      prepared.forEach(p -> p.rows().unpersist());
    }
  }

  /** The first failing source of each day whose reject rate is over the limit, in date order. */
  private Map<LocalDate, CmrException> rejectRates(
      List<PreparedSource> prepared, LocalDate from, LocalDate to) {
    double max = ctx.cfg().ingest().maxRejectRate();
    Map<LocalDate, CmrException> failed = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      for (PreparedSource p : prepared) {
        long read = p.read(d);
        double rate = read == 0 ? 0 : (double) p.quarantined(d) / read;
        if (rate > max && !failed.containsKey(d)) {
          String top =
              p.reasonsByDay().getOrDefault(d, Map.of()).entrySet().stream()
                  .limit(3)
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", "));
          failed.put(d, Errors.rejectRate(p.source().name(), d.toString(), rate, max, top));
        }
      }
    }
    return failed;
  }
}
