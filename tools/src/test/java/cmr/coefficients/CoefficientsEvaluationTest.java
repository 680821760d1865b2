package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * End to end on a simulated market shaped like the sample-data generator (known Hill curves, often
 * S-shaped): train, publish, evaluate. A regression guard for campaigns with >= 14 days of history,
 * set just outside what the model measures on this market (docs/coefficients.md): median regret <=
 * 5%, p90 <= 15%, true ROI >= 97% of target for >= 92% of campaigns, and better than both baselines
 * on median regret and on the ROI share. (The targets, 3% / 10% / 95%, are for the
 * generator's medium data.)
 */
class CoefficientsEvaluationTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void meetsTheTargetsOnASimulatedMarket() {
    EvaluateCoefficients.Report rep =
        trainPublishEvaluate("coef-eval", Integer.getInteger("cmr.eval.campaigns", 800), 7, false);
    EvaluateCoefficients.Line ours = rep.line("history_14d_plus", "ours");
    assertTrue(ours.medianRegret() <= 0.05, ours.toString());
    assertTrue(ours.p90Regret() <= 0.15, ours.toString());
    assertTrue(ours.shareRoiMet() >= 0.92, ours.toString());
    for (String baseline : new String[] {"even_split", "roi_split"}) {
      EvaluateCoefficients.Line b = rep.line("history_14d_plus", baseline);
      assertTrue(ours.medianRegret() < b.medianRegret(), b.toString());
      assertTrue(ours.shareRoiMet() > b.shareRoiMet(), b.toString());
    }
  }

  /**
   * A market where every campaign sells 15% more per CNY on weekends and twice as much on one
   * promotion day, on which every campaign also spends 30% more. Read as a response to spend, that
   * day made the curves look steeper and higher than they are (docs/coefficients.md: median regret
   * 14.6%, true ROI >= 97% of target for 73% of campaigns); the day factors (day_factors.sql) take
   * it out. Same thresholds as the plain market.
   */
  @Test
  void learnsAroundMarketWideDayEffects() {
    EvaluateCoefficients.Report rep = trainPublishEvaluate("coef-days", 500, 11, true);
    EvaluateCoefficients.Line ours = rep.line("history_14d_plus", "ours");
    assertTrue(ours.medianRegret() <= 0.05, ours.toString());
    assertTrue(ours.p90Regret() <= 0.15, ours.toString());
    assertTrue(ours.shareRoiMet() >= 0.92, ours.toString());
    EvaluateCoefficients.Line split = rep.line("history_14d_plus", "roi_split");
    assertTrue(ours.medianRegret() < split.medianRegret(), split.toString());
  }

  /** Simulates a market, trains, publishes and evaluates it; prints each phase's time. */
  private static EvaluateCoefficients.Report trainPublishEvaluate(
      String prefix, int n, long seed, boolean dayEffects) {
    SparkSession spark = TestSpark.spark();
    Path root = TestSpark.tempDir(prefix);
    CmrConfig cfg = TestSpark.config(root, Map.of());
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    Path truth = root.resolve("truth");
    Path published = cfg.paths().publishedFolder();
    long t0 = System.nanoTime();
    SimulatedMarket.write(spark, wh, truth, RUN, n, 0.25, 150, seed, dayEffects);
    System.out.printf("simulated %d campaigns in %.1fs%n", n, (System.nanoTime() - t0) / 1e9);
    long t1 = System.nanoTime();
    TrainCoefficients.Result r =
        new TrainCoefficients(spark, wh, ModelSettings.from(cfg.coefficients()))
            .trainAndRecord(RUN);
    long t2 = System.nanoTime();
    System.out.printf("trained %s in %.1fs%n", r, (t2 - t1) / 1e9);
    System.out.println(
        new PublishCoefficients(
                spark, wh, cfg.coefficients(), published, cfg.publication().readerGrace())
            .publish(RUN, false)
            .detail());
    long t3 = System.nanoTime();
    System.out.printf("published in %.1fs%n", (t3 - t2) / 1e9);
    EvaluateCoefficients.Report rep =
        new EvaluateCoefficients(spark, wh, published, cfg.coefficients().trainingDays())
            .evaluate(truth);
    System.out.println(rep.format());
    System.out.printf("evaluated in %.1fs%n", (System.nanoTime() - t3) / 1e9);
    System.out.printf("total %.1fs%n", (System.nanoTime() - t0) / 1e9);
    return rep;
  }
}
