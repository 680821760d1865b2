package cmr.cli;

import cmr.coefficients.TuneModel;
import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cmr coefficients tune}: the model's tuning harness ({@link TuneModel}, lab only). Fits the
 * curves once on a simulated market (or a real warehouse with its truth), then scores a grid of
 * model settings against the true curves, one line per setting.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a grid of model settings against known true curves (lab tool): a simulated market "
          + "under target/, or --sim-warehouse with its --truth.",
      "Variants: 'base' or key=value pairs over the model's knobs (tau2Min, poolGroups, cap, ok, "
          + "cold, none, floor, rhoMin, slopeMax, pen, dayMin, dayNoise, noiseDays, lagMax, "
          + "priorDays, slopeShift, curvShift), separated by ';'."
    })
public final class TuneCommand implements Runnable {
  @Option(
      names = "--variants",
      defaultValue = "base",
      paramLabel = "V;V",
      description = "The settings to score. Default: ${DEFAULT-VALUE}.")
  String variants;

  @Option(
      names = "--campaigns",
      defaultValue = "800",
      paramLabel = "N",
      description = "Campaigns of the simulated market. Default: ${DEFAULT-VALUE}.")
  int campaigns;

  @Option(
      names = "--scale",
      defaultValue = "150",
      paramLabel = "CNY",
      description =
          "Typical daily spend of a channel in the simulated market. Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(
      names = "--power-law",
      description = "Simulate power-law true curves instead of Hill curves.")
  boolean powerLaw;

  @Option(
      names = "--plan-share",
      paramLabel = "S",
      description =
          "Planned spend as a share of the budget in the simulated market (default 0.85).")
  String planShare;

  @Option(names = "--day-effects", description = "Simulate market-wide day effects.")
  boolean dayEffects;

  @Option(names = "--category-effects", description = "Simulate category effects.")
  boolean categoryEffects;

  @Option(
      names = "--sim-warehouse",
      paramLabel = "DIR",
      description =
          "Score a real warehouse instead of a simulated market (with --truth and --date).")
  Path simWarehouse;

  @Option(
      names = "--truth",
      paramLabel = "DIR",
      description = "The truth folder of --sim-warehouse.")
  Path truth;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The run date of --sim-warehouse.")
  LocalDate date;

  @Option(
      names = "--show",
      split = ",",
      paramLabel = "WHAT",
      description = "Extra output: oracle, decompose, pools, debug, debugCold, dump, misses.")
  java.util.List<String> show = java.util.List.of();

  @Mixin CommonOptions common;

  @Override
  public void run() {
    if (simWarehouse != null && (truth == null || date == null)) {
      throw Errors.usage("--sim-warehouse", "needs --truth and --date", "give all three");
    }
    // The harness and the simulated market read these switches (JVM system properties).
    System.setProperty("cmr.tune.variants", variants);
    System.setProperty("cmr.eval.campaigns", Integer.toString(campaigns));
    System.setProperty("cmr.tune.scale", Double.toString(scale));
    System.setProperty("cmr.sim.powerLaw", Boolean.toString(powerLaw));
    System.setProperty("cmr.sim.dayEffects", Boolean.toString(dayEffects));
    System.setProperty("cmr.sim.categoryEffects", Boolean.toString(categoryEffects));
    if (planShare != null) {
      System.setProperty("cmr.sim.planShare", planShare);
    }
    if (simWarehouse != null) {
      System.setProperty("cmr.tune.warehouse", simWarehouse.toString());
      System.setProperty("cmr.tune.truth", truth.toString());
      System.setProperty("cmr.tune.date", date.toString());
    }
    for (String s : show) {
      System.setProperty("cmr.tune." + s, "true");
    }
    CmrConfig cfg = common.config();
    try {
      TuneModel.grid(SparkSessions.getOrCreate(cfg), cfg);
    } catch (IOException e) {
      throw Errors.step("tune", "truth", e.getMessage(), e);
    }
  }
}
