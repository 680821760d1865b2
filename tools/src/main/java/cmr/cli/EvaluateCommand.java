package cmr.cli;

import cmr.coefficients.EvaluateCoefficients;
import cmr.config.CmrConfig;
import cmr.spark.SparkSessions;
import cmr.warehouse.Warehouse;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cmr coefficients evaluate}: the live version against the generator's truth (lab only). */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Scores the live version against the generator's truth file: regret against "
            + "the true optimum and the share of campaigns reaching 97%% of their target ROI, next to "
            + "two baselines, for campaigns with >= 14 days of history and for cold starts.")
public final class EvaluateCommand implements Runnable {
  @Option(
      names = "--truth",
      required = true,
      paramLabel = "FILE",
      description = "The truth folder (cmr.paths.truth) or its response_curves.csv.")
  Path truth;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    SparkSession spark = SparkSessions.getOrCreate(cfg);
    System.out.print(
        new EvaluateCoefficients(
                spark,
                new Warehouse(cfg.paths().warehouse()),
                cfg.paths().publishedFolder(),
                cfg.coefficients().trainingDays())
            .evaluate(truth)
            .format());
  }
}
