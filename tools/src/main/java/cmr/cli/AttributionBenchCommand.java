package cmr.cli;

import cmr.attribution.AttributionBench;
import cmr.config.CmrConfig;
import cmr.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cmr bench-attribution}: the state, attribution and settlement steps' cost per date. */
@Command(
    name = "bench-attribution",
    mixinStandardHelpOptions = true,
    description = {
      "Times the state, attribution and settlement steps per date on synthetic silver data in a "
          + "new warehouse (lab tool), to show the cost stays flat as history grows.",
      "Example: cmr bench-attribution --ads-per-day 300000 --days 12 --warehouse bench/attr"
    })
public final class AttributionBenchCommand implements Runnable {
  @Option(
      names = "--ads-per-day",
      defaultValue = "300000",
      paramLabel = "N",
      description = "Ad events a day (a tenth as many pay events). Default: ${DEFAULT-VALUE}.")
  long adsPerDay;

  @Option(
      names = "--days",
      defaultValue = "12",
      paramLabel = "N",
      description = "Dates to run. Default: ${DEFAULT-VALUE}.")
  int days;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    AttributionBench.run(SparkSessions.getOrCreate(cfg), cfg, adsPerDay, days);
  }
}
