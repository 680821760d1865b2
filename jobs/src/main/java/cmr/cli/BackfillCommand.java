package cmr.cli;

import cmr.config.CmrConfig;
import cmr.pipeline.Runner;
import cmr.step.RunOptions;
import cmr.warehouse.WarehouseLock;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly steps once over the arrival days --from .. --to (ingest and silver take "
          + "every day in one pass; the later steps recompute the whole range). Gives the same gold "
          + "tables as running nightly date by date; trains, publishes and exports only for the "
          + "last date.",
      "A day whose ingestion fails stops the backfill after that day is written, unless "
          + "--keep-going (the failed days stay out of silver, the run still fails at the end); "
          + "--resume skips ingest and silver when every day of the range already has silver."
    })
public final class BackfillCommand implements Runnable {
  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate to;

  @Option(
      names = "--keep-going",
      description = "Go on with the other days when one fails ingestion (the run still fails).")
  boolean keepGoing;

  @Option(
      names = "--resume",
      description = "Skip ingest and silver when every day of the range already has silver.")
  boolean resume;

  @Option(
      names = "--force-publish",
      description = "Publish coefficients even if the drift check fails.")
  boolean forcePublish;

  @Option(
      names = "--allow-gap",
      description =
          "Run although an arrival day between the first date run and --from was never ingested.")
  boolean allowGap;

  @Option(names = "--no-publish", description = "Train coefficients but do not publish them.")
  boolean noPublish;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    try (WarehouseLock lock = common.lockWarehouse(cfg)) {
      Runner.create(cfg)
          .backfill(
              from,
              to,
              new RunOptions(forcePublish, noPublish, true).withAllowGap(allowGap),
              keepGoing,
              resume);
    }
  }
}
