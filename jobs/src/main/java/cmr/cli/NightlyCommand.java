package cmr.cli;

import cmr.pipeline.RunOptions;
import cmr.pipeline.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;

@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {
        "Runs every step for one date, in dependency order: ingest, silver and state, attribution "
            + "and ROI, settlement, KPI tables, coefficient retraining and publication, dashboard export.",
        "Reads the landing folders dt=DATE; recomputes gold for DATE-late_days..DATE. Safe to rerun."})
public final class NightlyCommand implements Runnable {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The run date (arrival day).")
  LocalDate date;

  @Option(names = "--force-publish", description = "Publish coefficients even if the drift check fails.")
  boolean forcePublish;

  @Option(names = "--no-publish", description = "Train coefficients but do not publish them.")
  boolean noPublish;

  @Mixin
  CommonOptions common;

  @Override
  public void run() {
    Runner.create(common.config()).nightly(date, new RunOptions(forcePublish, noPublish, true));
  }
}
