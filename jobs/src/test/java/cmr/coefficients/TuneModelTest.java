package cmr.coefficients;

import cmr.config.CmrConfig;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Development harness, off by default ({@code -Dcmr.tune=true}): fits the curves once with Spark
 * on a simulated market, then scores a grid of allocation settings (cap, ROI margins) in plain
 * Java against the true curves. Prints one line per setting; asserts nothing.
 */
@EnabledIfSystemProperty(named = "cmr.tune", matches = "true")
class TuneModelTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void grid() throws IOException {
    SparkSession spark = TestSpark.spark();
    Path root = Path.of("target", "tune-sim").toAbsolutePath();
    CmrConfig cfg = TestSpark.config(root, Map.of());
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    Path truth = root.resolve("truth");
    int n = Integer.getInteger("cmr.eval.campaigns", 800);
    if (!Files.exists(truth.resolve("campaigns.csv"))) {
      SimulatedMarket.write(spark, wh, truth, RUN, n, 0.25, 150, 7);
    }
    ModelSettings base = ModelSettings.from(cfg.coefficients());
    List<Row> rows = new TrainCoefficients(spark, wh, base).curves(RUN).collectAsList();
    Map<String, List<Row>> byCampaign = new TreeMap<>();
    for (Row r : rows) {
      byCampaign.computeIfAbsent(r.getAs("campaign_id"), k -> new ArrayList<>()).add(r);
    }
    byCampaign.values().forEach(l -> l.sort(Comparator.comparing(r -> r.<String>getAs("channel"))));
    Map<String, HillCurve[]> curves = new HashMap<>();
    List<String> lines = Files.readAllLines(truth.resolve("response_curves.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      HillCurve[] h = curves.computeIfAbsent(f[0], k -> {
        HillCurve[] z = new HillCurve[7];
        for (int i = 0; i < 7; i++) {
          z[i] = new HillCurve("none", 0, 1, 1);
        }
        return z;
      });
      int i = sortedIndex(f[2]);
      h[i] = new HillCurve(f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[5]));
    }
    Map<String, TrueOptimum.Plan> opt = new HashMap<>();
    for (var e : byCampaign.entrySet()) {
      Row f = e.getValue().get(0);
      opt.put(e.getKey(), TrueOptimum.solve(curves.get(e.getKey()),
          f.<java.math.BigDecimal>getAs("daily_budget").doubleValue(), f.<Double>getAs("target_roi")));
    }
    double[][] grid = {
        {1.2, 0.05, 0.10, 0.20, 1.0, 1.0}, {1.1, 0.05, 0.10, 0.20, 1.0, 1.0},
        {1.3, 0.05, 0.10, 0.20, 1.0, 1.0}, {1.2, 0.05, 0.10, 0.20, 1.0, 0.9},
        {1.2, 0.04, 0.10, 0.20, 1.0, 1.0}, {1.15, 0.05, 0.10, 0.20, 1.0, 0.95}};
    for (double[] g : grid) {
      ModelSettings s = base.withAllocation(g[0], g[1], g[2], g[3], g[4], g[5]);
      Map<String, List<double[]>> byCohort = new TreeMap<>();
      for (var e : byCampaign.entrySet()) {
        AllocateCampaign.Planned p = AllocateCampaign.plan(s, e.getValue());
        HillCurve[] h = curves.get(e.getKey());
        TrueOptimum.Plan ours = TrueOptimum.evaluate(h, p.allocation().spend());
        TrueOptimum.Plan o = opt.get(e.getKey());
        double target = e.getValue().get(0).<Double>getAs("target_roi");
        double regret = o.gmv() > 0 ? 1 - ours.gmv() / o.gmv() : 0;
        boolean met = ours.totalSpend() <= 0 || ours.gmv() >= 0.97 * target * ours.totalSpend();
        int days = e.getValue().get(0).<Integer>getAs("campaign_days");
        double budget = e.getValue().get(0).<java.math.BigDecimal>getAs("daily_budget").doubleValue();
        boolean roiBound = o.totalSpend() < 0.99 * budget;
        double predRoi = p.allocation().totalSpend() > 0
            ? p.allocation().totalGmv() / p.allocation().totalSpend() : 0;
        double trueRoi = ours.totalSpend() > 0 ? ours.gmv() / ours.totalSpend() : 0;
        String cohort = (days >= 14 ? "hist" : "cold");
        byCohort.computeIfAbsent(cohort, k -> new ArrayList<>())
            .add(new double[] {regret, met ? 1 : 0});
        if (days >= 14) {
          byCohort.computeIfAbsent(roiBound ? "h-roiBound" : "h-budgetBound", k -> new ArrayList<>())
              .add(new double[] {regret, met ? 1 : 0});
          if (predRoi > 0) {
            byCohort.computeIfAbsent("h-true/pred", k -> new ArrayList<>())
                .add(new double[] {trueRoi / predRoi, 0});
          }
          byCohort.computeIfAbsent("h-ourSpend/opt", k -> new ArrayList<>())
              .add(new double[] {o.totalSpend() > 0 ? ours.totalSpend() / o.totalSpend() : 0, 0});
        }
      }
      StringBuilder sb = new StringBuilder(Arrays.toString(g) + "\n");
      byCohort.forEach((k, v) -> {
        sb.append("\n");
        double[] r = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double met = v.stream().mapToDouble(x -> x[1]).average().orElse(0);
        sb.append(String.format("  %s n=%d med=%.2f%% p90=%.2f%% met=%.1f%%", k, r.length,
            100 * r[r.length / 2], 100 * r[(int) (r.length * 0.9)], 100 * met));
        if (k.startsWith("h-")) {
          sb.append(String.format(" p10=%.2f", r[(int) (r.length * 0.1)]));
        }
      });
      System.out.println(sb);
    }
  }

  private static int sortedIndex(String channel) {
    List<String> sorted = new ArrayList<>(SimulatedMarket.CHANNELS);
    sorted.sort(null);
    return sorted.indexOf(channel);
  }
}
