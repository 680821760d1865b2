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
 * End to end on a simulated market with known Hill curves: train, publish, evaluate. The targets
 * are those of the issue (campaigns with >= 14 days of history): median regret <= 3%, p90 <= 10%,
 * true ROI >= 97% of target for >= 95% of campaigns, and a lower median regret than both baselines.
 */
class CoefficientsEvaluationTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void meetsTheTargetsOnASimulatedMarket() {
    SparkSession spark = TestSpark.spark();
    Path root = TestSpark.tempDir("coef-eval");
    CmrConfig cfg = TestSpark.config(root, Map.of());
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    Path truth = root.resolve("truth");
    int n = Integer.getInteger("cmr.eval.campaigns", 800);
    long t0 = System.nanoTime();
    SimulatedMarket.write(spark, wh, truth, RUN, n, 0.25, 0.3, 7);
    System.out.printf("simulated %d campaigns in %.1fs%n", n, (System.nanoTime() - t0) / 1e9);
    ModelSettings settings = ModelSettings.from(cfg.coefficients());
    TrainCoefficients.Result r = new TrainCoefficients(spark, wh, settings).trainAndRecord(RUN);
    System.out.printf("trained %s in %.1fs%n", r, (System.nanoTime() - t0) / 1e9);
    PublishCoefficients pub = new PublishCoefficients(spark, wh, cfg.coefficients(),
        Path.of(cfg.paths().publishedDir()));
    System.out.println(pub.publish(RUN, false).detail());
    EvaluateCoefficients.Report rep = new EvaluateCoefficients(spark, wh,
        Path.of(cfg.paths().publishedDir())).evaluate(truth);
    System.out.println(rep.format());
    System.out.printf("total %.1fs%n", (System.nanoTime() - t0) / 1e9);
    EvaluateCoefficients.Line ours = rep.line("history_14d_plus", "ours");
    assertTrue(ours.medianRegret() <= 0.03, ours.toString());
    assertTrue(ours.p90Regret() <= 0.10, ours.toString());
    assertTrue(ours.shareRoiMet() >= 0.95, ours.toString());
    assertTrue(ours.medianRegret() < rep.line("history_14d_plus", "even_split").medianRegret());
    assertTrue(ours.medianRegret() < rep.line("history_14d_plus", "roi_split").medianRegret());
  }
}
