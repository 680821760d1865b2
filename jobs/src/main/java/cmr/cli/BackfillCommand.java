package cmr.cli;

import cmr.pipeline.Runner;
import cmr.step.RunOptions;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Runs nightly for each date from --from to --to in order. Gives the same gold tables as "
          + "running nightly date by date; trains, publishes and exports only for the last date.",
      "Stops at the first failed date unless --keep-going; --resume skips dates that already succeeded."
    })
public final class BackfillCommand implements Runnable {
  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
  LocalDate to;

  @Option(names = "--keep-going", description = "Go on with the next date when one fails.")
  boolean keepGoing;

  @Option(names = "--resume", description = "Skip dates whose nightly run already succeeded.")
  boolean resume;

  @Option(
      names = "--force-publish",
      description = "Publish coefficients even if the drift check fails.")
  boolean forcePublish;

  @Option(names = "--no-publish", description = "Train coefficients but do not publish them.")
  boolean noPublish;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    Runner.create(common.config())
        .backfill(from, to, new RunOptions(forcePublish, noPublish, true), keepGoing, resume);
  }
}
