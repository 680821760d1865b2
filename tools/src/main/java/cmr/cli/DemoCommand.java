package cmr.cli;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.generate.GenerateRequest;
import cmr.generate.SampleDataGenerator;
import cmr.generate.Scale;
import cmr.pipeline.Runner;
import cmr.step.Progress;
import cmr.step.RunOptions;
import cmr.warehouse.WarehouseLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates the small sample (a few thousand users, about 40 days crossing a month "
          + "boundary and covering Double 11), backfills every date (SPEC §5), and prints "
          + "where the outputs are.",
      "The demo's landing data is wiped and regenerated on every run (it is deterministic); "
          + "the warehouse is kept unless --fresh (reruns are idempotent)."
    })
public final class DemoCommand implements Runnable {
  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      defaultValue = "2026-10-08",
      description = "First day of the demo. Default: ${DEFAULT-VALUE}.")
  LocalDate from;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "40",
      description = "Number of days. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--fresh", description = "Also delete the warehouse folder before the backfill.")
  boolean fresh;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    try (WarehouseLock lock = common.lockWarehouse(cfg)) {
      demo(cfg);
    }
  }

  private void demo(CmrConfig cfg) {
    Progress progress = Progress.stdout();
    Path landing = Path.of(cfg.paths().landing());
    LocalDate to = from.plusDays(days - 1L);
    progress.step(
        "demo",
        "regenerating the demo data in "
            + landing.toAbsolutePath()
            + " (the generated sources there are wiped first)");
    if (fresh) {
      Path wh = Path.of(cfg.paths().warehouse());
      progress.step("demo", "--fresh: deleting the warehouse " + wh.toAbsolutePath());
      try (var children = java.nio.file.Files.list(wh)) {
        for (Path child : children.toList()) {
          if (!child.getFileName().toString().equals(WarehouseLock.FILE)) {
            SampleDataGenerator.deleteTree(child);
          }
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // nothing to delete
      } catch (IOException e) {
        throw Errors.step(
            "demo", wh.toString(), "cannot delete the warehouse: " + e.getMessage(), e);
      }
    }
    GenerateRequest req =
        new GenerateRequest(
            Scale.small(),
            from,
            days,
            seed,
            landing,
            Path.of(cfg.paths().truth()),
            true,
            GenerateRequest.DEFAULT_DIRTY_RATE,
            Runtime.getRuntime().availableProcessors(),
            cfg.ingest().lateDays());
    SampleDataGenerator.Result r = SampleDataGenerator.run(req, progress);
    progress.step(
        "demo",
        String.format(
            "generated %,d rows (%,d rows/s); backfilling %s .. %s",
            r.rows(), r.rowsPerSecond(), from, to));

    Runner.create(cfg).backfill(from, to, RunOptions.defaults(), false, false);

    String wh = Path.of(cfg.paths().warehouse()).toAbsolutePath().toString();
    System.out.println();
    System.out.println("Demo finished for " + from + " .. " + to + ". Outputs:");
    System.out.println("  landing (input)       " + r.landing());
    System.out.println("  gold tables (Delta)   " + wh + "/gold/<table>");
    System.out.println("  run log               " + wh + "/ops/job_runs");
    System.out.println("  quarantine            " + wh + "/ops/quarantine");
    System.out.println("  coefficients          " + cfg.paths().publishedFolder().toAbsolutePath());
    System.out.println(
        "  dashboards            "
            + cfg.paths().exportsFolder().toAbsolutePath().resolve("index.html"));
    System.out.println("  truth (evaluation)    " + r.truth());
  }
}
