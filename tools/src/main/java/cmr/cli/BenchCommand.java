package cmr.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cmr.config.CmrConfig;
import cmr.generate.GenerateRequest;
import cmr.generate.SampleDataGenerator;
import cmr.generate.Scale;
import cmr.pipeline.Runner;
import cmr.step.Progress;
import cmr.step.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: generates data (once), runs {@code nightly} for each day in order and
 * prints each day's wall time and rows, then times a {@code backfill} of the same range on a fresh
 * warehouse. Figures are printed, never asserted.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark: nightly per day (wall time and rows per day, the cost of day N "
          + "against day 5) and a backfill of the same range.",
      "Data and warehouses go under --dir (default bench/out, git-ignored)."
    })
public final class BenchCommand implements Runnable {
  @Option(
      names = "--scale",
      defaultValue = "medium",
      description = "small, medium or large. Default: ${DEFAULT-VALUE}.")
  String scale;

  @Option(
      names = "--from",
      defaultValue = "2026-09-20",
      paramLabel = "YYYY-MM-DD",
      description = "First day. Default: ${DEFAULT-VALUE}.")
  LocalDate from;

  @Option(names = "--days", defaultValue = "60", description = "Days. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(
      names = "--dir",
      defaultValue = "bench/out",
      description = "Work folder. Default: ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--skip-nightly", description = "Only time the backfill.")
  boolean skipNightly;

  @Option(names = "--skip-backfill", description = "Only time the nightly runs.")
  boolean skipBackfill;

  @Option(
      names = "--sample",
      description = {
        "Time nightly on day 5 and on the last day only; "
            + "the history before each is built with a backfill (which gives the same tables as the "
            + "nights one by one: BackfillEqualsNightlyTest). Measures cost against history length "
            + "without running every night."
      })
  boolean sample;

  @Mixin CustomSizeOptions size;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    Scale sized = size.apply(scale);
    String data =
        sized.name()
            + (sized.name().equals(scale)
                ? ""
                : "-"
                    + sized.users()
                    + "u-"
                    + sized.activityPerDay()
                    + "a-"
                    + sized.ordersPerDay()
                    + "o-"
                    + sized.adEventsPerDay()
                    + "e")
            + "-"
            + from
            + "-"
            + days;
    Path landing = dir.resolve(data + "/landing");
    Path truth = dir.resolve(data + "/truth");
    CmrConfig base = common.config();
    Progress progress = Progress.stdout();
    LocalDate to = from.plusDays(days - 1L);
    if (!Files.isDirectory(landing)) {
      Instant g = Instant.now();
      SampleDataGenerator.Result r =
          SampleDataGenerator.run(
              new GenerateRequest(
                  sized,
                  from,
                  days,
                  42,
                  landing,
                  truth,
                  true,
                  GenerateRequest.DEFAULT_DIRTY_RATE,
                  Runtime.getRuntime().availableProcessors(),
                  base.ingest().lateDays()),
              progress);
      System.out.printf(
          "generate: %,d rows in %.1f s (%,d rows/s)%n",
          r.rows(), secondsSince(g), r.rowsPerSecond());
    }
    List<String> lines = new ArrayList<>();
    if (!skipNightly) {
      CmrConfig cfg =
          base.withPaths(landing.toString(), dir.resolve("wh-nightly-" + scale).toString());
      deleteQuietly(Path.of(cfg.paths().warehouse()));
      Runner runner = Runner.create(cfg);
      double day5 = 0;
      lines.add(String.format("%-12s %10s %14s %14s", "date", "wall_s", "rows_in", "rows_out"));
      List<LocalDate> timed = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        timed.add(d);
      }
      if (sample) {
        timed = days >= 6 ? List.of(from.plusDays(4), to) : List.of(to);
      }
      LocalDate built = from.minusDays(1);
      for (LocalDate d : timed) {
        if (d.isAfter(built.plusDays(1))) {
          Instant b = Instant.now();
          runner.backfill(
              built.plusDays(1),
              d.minusDays(1),
              RunOptions.defaults().withTrainAndExport(false),
              false,
              false);
          String line =
              String.format(
                  "history %s .. %s built by backfill in %.1f s",
                  built.plusDays(1), d.minusDays(1), secondsSince(b));
          lines.add(line);
          System.out.println("bench " + line);
        }
        Instant s = Instant.now();
        // Every timed night does what a scheduled nightly does: train, publish and export too.
        runner.nightly(d, RunOptions.defaults());
        double secs = secondsSince(s);
        built = d;
        Dataset<Row> runs =
            runner.spark().read().format("delta").load(cfg.paths().warehouse() + "/ops/job_runs");
        Row rows =
            runs.where(col("run_date").equalTo(lit(d)).and(col("job").equalTo("ingest")))
                .orderBy(col("ended_at").desc())
                .select("rows_in", "rows_out", "run_id")
                .first();
        StringBuilder stepTimes = new StringBuilder();
        for (Row r :
            runs.where(col("run_id").equalTo(rows.getString(2)).and(col("job").notEqual("nightly")))
                .orderBy("started_at")
                .selectExpr(
                    "job",
                    "CAST((unix_millis(ended_at) - unix_millis(started_at)) / 1000.0 AS DOUBLE)")
                .collectAsList()) {
          stepTimes.append(String.format(" %s %.1f", r.getString(0), r.getDouble(1)));
        }
        String line =
            String.format(
                "%-12s %10.1f %,14d %,14d  nightly, day %d; steps (s):%s",
                d,
                secs,
                rows.getLong(0),
                rows.getLong(1),
                d.toEpochDay() - from.toEpochDay() + 1,
                stepTimes);
        lines.add(line);
        System.out.println("bench nightly " + line);
        if (d.equals(from.plusDays(4))) {
          day5 = secs;
        }
        if (d.equals(to) && day5 > 0) {
          lines.add(String.format("last day / day 5 = %.2f", secs / day5));
        }
      }
    }
    if (!skipBackfill) {
      CmrConfig cfg =
          base.withPaths(landing.toString(), dir.resolve("wh-backfill-" + scale).toString());
      deleteQuietly(Path.of(cfg.paths().warehouse()));
      Instant s = Instant.now();
      Runner.create(cfg).backfill(from, to, RunOptions.defaults(), false, false);
      lines.add(String.format("backfill %s .. %s: %.1f s", from, to, secondsSince(s)));
    }
    System.out.println();
    System.out.println("Benchmark " + scale + " " + from + " .. " + to + ":");
    lines.forEach(System.out::println);
  }

  private static void deleteQuietly(Path p) {
    try {
      SampleDataGenerator.deleteTree(p);
    } catch (java.io.IOException e) {
      throw cmr.errors.Errors.step("bench", p.toString(), "cannot delete: " + e.getMessage(), e);
    }
  }

  private static double secondsSince(Instant s) {
    return Duration.between(s, Instant.now()).toMillis() / 1000.0;
  }
}
