package cmr.cli;

import cmr.coefficients.ModelSettings;
import cmr.coefficients.PublishCoefficients;
import cmr.coefficients.PublishedVersions;
import cmr.coefficients.TrainCoefficients;
import cmr.config.CmrConfig;
import cmr.spark.SparkSessions;
import cmr.step.Progress;
import cmr.warehouse.Warehouse;
import cmr.warehouse.WarehouseLock;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "coefficients",
    mixinStandardHelpOptions = true,
    description =
        "Train, publish, list and roll back the bidder's allocation coefficients (bin/cmr adds evaluate).",
    subcommands = {
      CoefficientsCommand.Train.class,
      CoefficientsCommand.Publish.class,
      CoefficientsCommand.Rollback.class,
      CoefficientsCommand.ListVersions.class
    })
public final class CoefficientsCommand implements Runnable {
  @Mixin CommonOptions common;

  /** This command as picocli built it, with the subcommands added at run time (ToolsCli). */
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description =
          "Trains the coefficients for a date from the trailing window of "
              + "gold/campaign_channel_daily and records them in gold/allocation_coefficients "
              + "(publishes nothing).")
  static final class Train implements Runnable {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Mixin CommonOptions common;

    @Override
    public void run() {
      CmrConfig cfg = common.config();
      TrainCoefficients.Result r;
      try (WarehouseLock lock = common.lockWarehouse(cfg)) {
        r =
            new TrainCoefficients(
                    SparkSessions.getOrCreate(cfg),
                    new Warehouse(cfg.paths().warehouse()),
                    ModelSettings.from(cfg.coefficients()))
                .trainAndRecord(date, Progress.stdout());
      }
      System.out.printf(
          "trained %d campaigns for %s (%d cold_start, %d no_history, %d funded)%n",
          r.campaigns(), date, r.coldStart(), r.noHistory(), r.funded());
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description =
          "Publishes the set trained for a date as a new version, after every check of "
              + "SPEC §4; LATEST is switched atomically. Exit 4 when a check refuses it.")
  static final class Publish implements Runnable {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(
        names = {"--force", "--force-publish"},
        description = "Override the drift check (only).")
    boolean force;

    @Mixin CommonOptions common;

    @Override
    public void run() {
      CmrConfig cfg = common.config();
      PublishCoefficients.Result r;
      try (WarehouseLock lock = common.lockWarehouse(cfg)) {
        r =
            new PublishCoefficients(
                    SparkSessions.getOrCreate(cfg),
                    new Warehouse(cfg.paths().warehouse()),
                    cfg.coefficients(),
                    cfg.paths().publishedFolder(),
                    cfg.publication().readerGrace())
                .publish(date, force);
      }
      System.out.println(r.detail());
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Points LATEST at a kept version after verifying it.")
  static final class Rollback implements Runnable {
    @Option(names = "--to", required = true, paramLabel = "VERSION")
    String version;

    @Mixin CommonOptions common;

    @Override
    public void run() {
      CmrConfig cfg = common.config();
      try (WarehouseLock lock = common.lockWarehouse(cfg)) {
        System.out.println(new PublishedVersions(cfg.paths().publishedFolder()).rollback(version));
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the kept versions, oldest first; '*' marks the live one.")
  static final class ListVersions implements Runnable {
    @Mixin CommonOptions common;

    @Override
    public void run() {
      new PublishedVersions(common.config().paths().publishedFolder())
          .list()
          .forEach(System.out::println);
    }
  }
}
