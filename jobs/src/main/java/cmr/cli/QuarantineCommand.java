package cmr.cli;

import cmr.config.CmrConfig;
import cmr.pipeline.Runner;
import cmr.step.RunOptions;
import cmr.warehouse.WarehouseLock;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "quarantine",
    mixinStandardHelpOptions = true,
    description = "Work with the quarantined rows (ops/quarantine).",
    subcommands = {QuarantineCommand.Replay.class})
public final class QuarantineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "After upstream put a corrected copy of a day's files in the landing zone: ingests that "
            + "day and every later day again (the normal path), recomputes silver and every gold "
            + "table from the day - late_days on, and trains, publishes and exports the latest "
            + "date. Prints the quarantined rows before and after; records a 'replay' row in "
            + "ops/job_runs. Idempotent; with nothing quarantined it does nothing."
      })
  static final class Replay implements Runnable {
    @Option(names = "--source", required = true, paramLabel = "SOURCE", description = "e.g. orders")
    String source;

    @Option(
        names = "--dt",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "The arrival day whose quarantined rows to replay.")
    LocalDate dt;

    @Option(
        names = "--reason",
        paramLabel = "REASON",
        description = "Count only the rows quarantined for this reason (e.g. bad_money).")
    String reason;

    @Mixin CommonOptions common;

    @Override
    public void run() {
      CmrConfig cfg = common.config();
      try (WarehouseLock lock = common.lockWarehouse(cfg)) {
        System.out.println(Runner.create(cfg).replay(source, dt, reason, RunOptions.defaults()));
      }
    }
  }
}
