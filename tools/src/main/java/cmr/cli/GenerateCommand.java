package cmr.cli;

import cmr.config.CmrConfig;
import cmr.generate.GenerateRequest;
import cmr.generate.SampleDataGenerator;
import cmr.step.Progress;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates seeded, realistic sample data in the landing layout "
          + "<landing>/<source>/dt=YYYY-MM-DD/ (orders, ad_events, user_activity every day; "
          + "users, merchants, campaigns snapshots on some days), mixing jsonl, jsonl.gz, csv, "
          + "csv.gz and parquet files, with a small share of invalid rows, duplicates and late "
          + "events. Also writes the true response curves of the whole-site promotion campaigns "
          + "and generation_summary.json to the truth folder (outside the landing zone).",
      "Same seed, scale and dates give the same rows (the JSON lines and CSV files byte for byte; a"
          + " parquet file's footer metadata may differ). See docs/generator.md."
    },
    footer = {
      "",
      "Examples:",
      "  cmr generate --scale small --from 2026-10-08 --days 40",
      "  cmr generate --scale medium --from 2026-11-01 --days 2 --landing /tmp/landing --overwrite",
      "  cmr generate --scale small --users 20000 --orders-per-day 5000 --days 10"
    })
public final class GenerateCommand implements Runnable {
  @Option(
      names = "--scale",
      paramLabel = "NAME",
      defaultValue = "small",
      description =
          "small (demo: a few thousand users, seconds), medium (100k users, 1M activity "
              + "events a day), large (1M users, 10M activity events, 300k orders, 3M ad events a "
              + "day). Default: ${DEFAULT-VALUE}.")
  String scale;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      defaultValue = "2026-10-08",
      description = "First arrival day. Default: ${DEFAULT-VALUE}.")
  LocalDate from;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "40",
      description = "Number of arrival days. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Random seed; same seed, same data. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--truth",
      paramLabel = "DIR",
      description =
          "Where the truth files go (default: cmr.paths.truth). Never inside the landing zone.")
  Path truth;

  @Option(
      names = "--overwrite",
      description = "Replace the generated sources in a non-empty landing folder.")
  boolean overwrite;

  @Mixin CustomSizeOptions size;

  @Option(
      names = "--dirty-rate",
      paramLabel = "SHARE",
      defaultValue = "0.008",
      description =
          "Share of extra invalid rows per fact source and day (0 to 0.04). "
              + "Default: ${DEFAULT-VALUE}.")
  double dirtyRate;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads (default: the number of CPU cores). Does not change the output.")
  Integer threads;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    GenerateRequest req =
        new GenerateRequest(
            size.apply(scale),
            from,
            days,
            seed,
            Path.of(cfg.paths().landing()),
            truth != null ? truth : Path.of(cfg.paths().truth()),
            overwrite,
            dirtyRate,
            threads != null ? threads : Runtime.getRuntime().availableProcessors(),
            cfg.ingest().lateDays());
    SampleDataGenerator.Result r = SampleDataGenerator.run(req, Progress.stdout());
    System.out.printf(
        "generated %,d rows in %.1f s: %,d rows/s%n", r.rows(), r.seconds(), r.rowsPerSecond());
    System.out.println("landing: " + r.landing());
    System.out.println("truth:   " + r.truth() + " (response_curves.csv, campaigns.csv)");
    System.out.println("summary: " + r.summary());
  }
}
