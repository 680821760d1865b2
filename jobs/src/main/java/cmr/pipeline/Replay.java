package cmr.pipeline;

import static org.apache.spark.sql.functions.col;

import cmr.errors.Errors;
import cmr.ingest.Source;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.RunOptions;
import cmr.step.StepResult;
import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * {@code cmr quarantine replay --source S --dt D [--reason R]}: after upstream has put a corrected
 * copy of day D's files in the landing zone, the quarantined rows go through the normal path. The
 * replay is a backfill from D to the latest date run: every arrival day is ingested again in order
 * (so a row accepted now on D is judged against the days before it, and a later copy of it becomes
 * the duplicate, never counted twice), silver and every gold table are recomputed from D -
 * late_days on, and the latest date is trained, published and exported. It is idempotent: run
 * again, it reads the same files and writes the same tables; with nothing quarantined it does
 * nothing. The run log records a {@code replay} row with the counts before and after.
 */
final class Replay {
  private Replay() {}

  /** Quarantined rows of (source, day), by reason. */
  static Map<String, Long> counts(RunContext ctx, String source, LocalDate dt) {
    Map<String, Long> out = new TreeMap<>();
    String path = ctx.wh().ops("quarantine");
    if (!Warehouse.exists(ctx.spark(), path)) {
      return out;
    }
    Column which = col("source").equalTo(source).and(col("arrival_date").equalTo(Date.valueOf(dt)));
    for (Row r :
        ctx.spark()
            .read()
            .format("delta")
            .load(path)
            .where(which)
            .groupBy("reason")
            .count()
            .collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  static long total(Map<String, Long> byReason, String reason) {
    if (reason != null) {
      return byReason.getOrDefault(reason, 0L);
    }
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Runs the replay with {@code runner}; returns the one-line summary. */
  static String run(Runner runner, String source, LocalDate dt, String reason, RunOptions options) {
    java.util.List<String> names = Source.ALL.stream().map(Source::name).toList();
    if (!names.contains(source)) {
      throw Errors.usage(
          "--source " + source, "is not a source", "use one of " + String.join(", ", names));
    }
    RunContext probe = runner.context(dt, options);
    RunLog log = probe.runLog();
    LocalDate latest =
        log.latestSucceeded("ingest")
            .orElseThrow(
                () ->
                    Errors.usage(
                        "--dt " + dt, "no date has been run in this warehouse", "run nightly"));
    if (dt.isAfter(latest) || !log.succeeded("ingest", dt)) {
      throw Errors.usage(
          "--dt " + dt,
          "was never ingested (latest date run " + latest + ")",
          "run `cmr nightly --date " + dt + "` instead: replay is for a day already run");
    }
    Map<String, Long> before = counts(probe, source, dt);
    String what = source + " dt=" + dt + (reason == null ? "" : " reason " + reason);
    if (total(before, reason) == 0) {
      return "nothing quarantined for " + what + ": nothing to replay";
    }
    Instant start = Instant.now();
    runner.backfill(dt, latest, options, false, false);
    Map<String, Long> after = counts(probe, source, dt);
    String summary =
        String.format(
            "replayed %s: quarantined rows %,d -> %,d (by reason before %s, after %s); arrival"
                + " days %s .. %s ingested again, gold recomputed from %s",
            what,
            total(before, reason),
            total(after, reason),
            before,
            after,
            dt,
            latest,
            dt.minusDays(probe.cfg().ingest().lateDays()));
    log.record(
        probe.runId(),
        dt,
        "replay",
        "succeeded",
        start,
        Instant.now(),
        StepResult.of(total(before, reason), total(before, reason) - total(after, reason), summary),
        null);
    return summary;
  }
}
