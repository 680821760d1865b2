package cmr.cli;

import cmr.generate.Scale;
import picocli.CommandLine.Option;

/** The custom-size options of the generator, shared by {@code generate} and {@code bench}. */
public final class CustomSizeOptions {
  @Option(names = "--users", paramLabel = "N", description = "Custom size: users by the last day.")
  Integer users;

  @Option(names = "--merchants", paramLabel = "N", description = "Custom size: merchants.")
  Integer merchants;

  @Option(
      names = "--campaigns",
      paramLabel = "N",
      description = "Custom size: whole-site promotion campaigns (other campaigns scale along).")
  Integer campaigns;

  @Option(
      names = "--activity-per-day",
      paramLabel = "N",
      description = "Custom size: user_activity events on an ordinary day.")
  Integer activityPerDay;

  @Option(
      names = "--orders-per-day",
      paramLabel = "N",
      description = "Custom size: pay events on an ordinary day.")
  Integer ordersPerDay;

  @Option(
      names = "--ad-events-per-day",
      paramLabel = "N",
      description = "Custom size: ad events (impressions and clicks) on an ordinary day, roughly.")
  Integer adEventsPerDay;

  /** The named preset with the sizes given on the command line. */
  public Scale apply(String preset) {
    return Scale.named(preset)
        .with(users, merchants, campaigns, activityPerDay, ordersPerDay, adEventsPerDay);
  }
}
