package cmr.pipeline;

import cmr.errors.Errors;
import cmr.step.RunContext;
import cmr.step.RunLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Before a run for D (or a backfill from F): every arrival day from the first date run to the day
 * before must have been ingested. A night that failed and was not rerun (or never ran) leaves its
 * landing folder unread; the days after it would recompute gold without those rows and later mark
 * them final. Such a gap fails the run with the days and the fix, unless {@code --allow-gap}.
 */
final class GapCheck {
  private GapCheck() {}

  /** The arrival days before the run's first day, since the first date run, never ingested. */
  static List<LocalDate> missing(RunContext ctx) {
    RunLog log = ctx.runLog();
    Optional<LocalDate> first = log.firstSucceeded("ingest");
    LocalDate before = ctx.from();
    if (first.isEmpty() || !first.get().isBefore(before)) {
      return List.of();
    }
    Set<LocalDate> ingested = log.succeededDates("ingest", first.get(), before.minusDays(1));
    List<LocalDate> gaps = new ArrayList<>();
    for (LocalDate d = first.get(); d.isBefore(before); d = d.plusDays(1)) {
      if (!ingested.contains(d)) {
        gaps.add(d);
      }
    }
    return gaps;
  }

  /** Fails the run on a gap, unless the run allows it (then only says so). */
  static void check(RunContext ctx, String command) {
    List<LocalDate> gaps = missing(ctx);
    if (gaps.isEmpty()) {
      return;
    }
    String days = describe(gaps);
    if (ctx.options().allowGap()) {
      ctx.progress().step(command, "--allow-gap: running although never ingested: " + days);
      return;
    }
    throw Errors.gap(
        command + " " + ctx.runDate(),
        gaps.size()
            + " earlier arrival day(s) since the first date run were never ingested: "
            + days,
        "run `cmr backfill --from "
            + gaps.get(0)
            + " --to "
            + ctx.runDate()
            + "` (or nightly for each day in order), or pass --allow-gap to run anyway");
  }

  private static String describe(List<LocalDate> gaps) {
    List<String> parts = new ArrayList<>();
    for (LocalDate d : gaps.subList(0, Math.min(5, gaps.size()))) {
      parts.add(d.toString());
    }
    return String.join(", ", parts) + (gaps.size() > 5 ? ", ... (" + gaps.size() + " in all)" : "");
  }
}
