package cmr.cli;

import cmr.config.CmrConfig;
import cmr.pipeline.Runner;
import cmr.step.RunOptions;
import cmr.warehouse.WarehouseLock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every step for one date, in dependency order: ingest, silver and state, attribution "
          + "and ROI, settlement, KPI tables, coefficient retraining and publication, dashboard export.",
      "Reads the landing folders dt=DATE; recomputes gold for DATE-late_days..DATE. Safe to rerun."
    })
public final class NightlyCommand implements Runnable {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The run date (arrival day).")
  LocalDate date;

  @Option(
      names = "--force-publish",
      description = "Publish coefficients even if the drift check fails.")
  boolean forcePublish;

  @Option(names = "--no-publish", description = "Train coefficients but do not publish them.")
  boolean noPublish;

  @Option(
      names = "--allow-gap",
      description =
          "Run although an earlier arrival day since the first date run was never ingested "
              + "(by default such a gap fails the run with exit code 2, naming the days).")
  boolean allowGap;

  @Option(
      names = "--steps",
      split = ",",
      paramLabel = "STEP[,STEP...]",
      description = {
        "Run only these steps (ingest, silver, state, attribution, settlement, kpis, "
            + "coefficients, export), e.g. --steps state,kpis,export after a fix. A step they depend on "
            + "that is not named must already have succeeded for the date."
      })
  List<String> steps;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    try (WarehouseLock lock = common.lockWarehouse(cfg)) {
      Runner runner = Runner.create(cfg);
      RunOptions options = new RunOptions(forcePublish, noPublish, true).withAllowGap(allowGap);
      if (steps == null || steps.isEmpty()) {
        runner.nightly(date, options);
      } else {
        runner.nightlySteps(date, options, new LinkedHashSet<>(steps));
      }
    }
  }
}
