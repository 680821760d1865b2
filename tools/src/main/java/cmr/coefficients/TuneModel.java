package cmr.coefficients;

import cmr.config.CmrConfig;
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
import org.apache.spark.sql.functions;

/**
 * The tuning harness of the model ({@code bin/cmr coefficients tune}, lab only): fits the curves
 * once with Spark on a simulated market, then scores a grid of allocation settings (cap, ROI
 * margins) in plain Java against the true curves. Prints one line per setting.
 *
 * <p>Switches (JVM system properties; {@code cmr coefficients tune} sets them from its options):
 * {@code -Dcmr.tune.variants='base;pen=0.2,cap=2'} (settings, see {@link #variant}), {@code
 * -Dcmr.tune.oracle=true} (best plans on the true curves inside our range and a wider one), {@code
 * -Dcmr.tune.decompose=true} (our allocation with the level L, slope S and curvature C replaced by
 * the truth's at the centre), {@code -Dcmr.tune.pools=true} (the global pools), {@code
 * -Dcmr.tune.debug=true} (campaigns with a large regret; {@code debugCold} for cold starts), {@code
 * -Dcmr.tune.scale=N} (typical spend), {@code -Dcmr.sim.powerLaw=true} and {@code
 * -Dcmr.sim.planShare=0.5} (other markets: power-law truth; budgets twice the plan), or a real
 * warehouse ({@code -Dcmr.tune.warehouse=DIR -Dcmr.tune.truth=DIR -Dcmr.tune.date=D}).
 */
public final class TuneModel {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  private TuneModel() {}

  /** Runs the grid; simulated markets go under {@code target/} of the working directory. */
  public static void grid(SparkSession spark, CmrConfig conf) throws IOException {
    String whProp = System.getProperty("cmr.tune.warehouse");
    double spendScale = Double.parseDouble(System.getProperty("cmr.tune.scale", "150"));
    Path root =
        Path.of(
                "target",
                "tune-sim-"
                    + (long) spendScale
                    + (Boolean.getBoolean("cmr.sim.powerLaw") ? "-power" : "")
                    + System.getProperty("cmr.sim.planShare", "")
                    + (Boolean.getBoolean("cmr.sim.dayEffects") ? "-days" : "")
                    + (Boolean.getBoolean("cmr.sim.categoryEffects") ? "-categories" : ""))
            .toAbsolutePath();
    CmrConfig cfg =
        conf.withPaths(root.resolve("landing").toString(), root.resolve("warehouse").toString());
    Warehouse wh = new Warehouse(whProp != null ? whProp : cfg.paths().warehouse());
    Path truth =
        whProp != null ? Path.of(System.getProperty("cmr.tune.truth")) : root.resolve("truth");
    LocalDate run = whProp != null ? LocalDate.parse(System.getProperty("cmr.tune.date")) : RUN;
    int n = Integer.getInteger("cmr.eval.campaigns", 800);
    if (whProp == null && !Files.exists(truth.resolve("campaigns.csv"))) {
      SimulatedMarket.write(spark, wh, truth, RUN, n, 0.25, spendScale, 7);
    }
    ModelSettings base = ModelSettings.from(cfg.coefficients());
    Map<String, HillCurve[]> curves = new HashMap<>();
    List<String> lines = Files.readAllLines(truth.resolve("response_curves.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      HillCurve[] h =
          curves.computeIfAbsent(
              f[0],
              k -> {
                HillCurve[] z = new HillCurve[7];
                for (int i = 0; i < 7; i++) {
                  z[i] = new HillCurve("none", 0, 1, 1);
                }
                return z;
              });
      int i = sortedIndex(f[2]);
      h[i] =
          new HillCurve(
              f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }
    Map<String, double[]> truthCampaigns = new HashMap<>();
    List<String> tc = Files.readAllLines(truth.resolve("campaigns.csv"));
    for (String line : tc.subList(1, tc.size())) {
      String[] f = line.split(",", -1);
      truthCampaigns.put(f[0], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
    }
    Map<String, TrueOptimum.Plan> opt = new HashMap<>();
    String[] variants = System.getProperty("cmr.tune.variants", "base").split(";");
    for (String variant : variants) {
      ModelSettings s = variant(base, cfg.coefficients(), variant);
      long t0 = System.nanoTime();
      double slopeShift = knob(variant, "slopeShift");
      double curvShift = knob(variant, "curvShift");
      List<Row> rows =
          new TrainCoefficients(spark, wh, s)
              .curves(run)
              .withColumn("slope", functions.expr("slope + " + slopeShift))
              .withColumn("curvature", functions.expr("least(0.0, curvature + " + curvShift + ")"))
              .collectAsList();
      long t1 = System.nanoTime();
      if (Boolean.getBoolean("cmr.tune.pools")) {
        spark
            .table("coef_pools")
            .where("is_global = 1")
            .selectExpr(
                "channel",
                "groups",
                "round(rho0, 4) rho0",
                "round(b_pool, 3) b",
                "round(c_pool, 3) c",
                "round(tau2, 4) tau2",
                "round(c_pool - (b_pool * b_pool + tau2) / 2, 3) log_c",
                "round(spend_var, 4) sv")
            .show(false);
        spark.table("coef_lag").show(false);
        spark
            .table("coef_category_weights")
            .orderBy("channel", "category_id")
            .selectExpr(
                "channel",
                "category_id",
                "groups",
                "round(var_b, 4) var_b",
                "round(tau2_cat_b, 4) tau2_cat_b",
                "round(w_b, 3) w_b",
                "round(var_roi, 4) var_roi",
                "round(tau2_cat_roi, 4) tau2_cat_roi",
                "round(w_roi, 3) w_roi")
            .show(60, false);
      }
      Map<String, List<Row>> byCampaign = new TreeMap<>();
      for (Row r : rows) {
        byCampaign.computeIfAbsent(r.getAs("campaign_id"), k -> new ArrayList<>()).add(r);
      }
      byCampaign
          .values()
          .forEach(l -> l.sort(Comparator.comparing(r -> r.<String>getAs("channel"))));
      Map<String, List<double[]>> byCohort = new TreeMap<>();
      List<double[]> slopePairs = new ArrayList<>();
      for (var e : byCampaign.entrySet()) {
        HillCurve[] h = curves.get(e.getKey());
        if (h == null) {
          continue;
        }
        Row f = e.getValue().get(0);
        double budget = f.<java.math.BigDecimal>getAs("daily_budget").doubleValue();
        double target = f.<Double>getAs("target_roi");
        TrueOptimum.Plan o =
            opt.computeIfAbsent(e.getKey(), k -> TrueOptimum.solve(h, budget, target));
        AllocateCampaign.Planned p = AllocateCampaign.plan(s, e.getValue());
        TrueOptimum.Plan ours = TrueOptimum.evaluate(h, p.allocation().spend());
        double[] even = new double[7];
        Arrays.fill(even, budget / 7);
        double[] split = new double[7];
        double roiSum = 0;
        for (int i = 0; i < 7; i++) {
          Row r = e.getValue().get(i);
          double hs = r.<Double>getAs("hist_spend");
          split[i] = hs > 0 ? r.<Double>getAs("hist_gmv") / hs : 0;
          roiSum += split[i];
        }
        for (int i = 0; i < 7; i++) {
          split[i] = roiSum > 0 ? budget * split[i] / roiSum : budget / 7;
        }
        int days = f.<Integer>getAs("campaign_days");
        if (days >= 14) {
          // how often a channel with a productive true curve shows no attributed GMV at all
          for (int i = 0; i < 7; i++) {
            Row r = e.getValue().get(i);
            double hs = r.<Double>getAs("hist_spend");
            if (r.<Integer>getAs("days_observed") >= 14 && hs > 0) {
              double nd = r.<Integer>getAs("days_observed");
              double trueRoi = h[i].gmv(hs / nd) / (hs / nd);
              byCohort
                  .computeIfAbsent("h-channels trueROI>=1: no GMV", k -> new ArrayList<>())
                  .add(new double[] {0, trueRoi >= 1 && r.<Double>getAs("hist_gmv") <= 0 ? 1 : 0});
            }
          }
        }
        if (days >= 14) {
          // calibration of the slope: the truth's elasticity at the centre against ours
          for (int i = 0; i < 7; i++) {
            ShapeCurve q = p.curves()[i];
            if (e.getValue().get(i).<Integer>getAs("days_observed") >= 14 && h[i].gmax() > 0) {
              double ctr = Math.exp(q.centre());
              slopePairs.add(
                  new double[] {
                    q.slope(), h[i].elasticity(ctr), q.curvature(), h[i].logCurvature(ctr)
                  });
            }
          }
        }
        String cohort = days >= 14 ? "hist" : "cold";
        boolean roiBound = o.totalSpend() < 0.99 * budget;
        double[] lo = new double[7];
        double[] hi = new double[7];
        double[] lo2 = new double[7];
        double[] hi2 = new double[7];
        for (int i = 0; i < 7; i++) {
          Row r = e.getValue().get(i);
          if (r.<Integer>getAs("days_observed") > 0) {
            lo[i] = r.<Double>getAs("min_observed");
            hi[i] = s.capMultiplier() * r.<Double>getAs("max_observed");
            lo2[i] = 0.25 * lo[i];
            hi2[i] = 3 * r.<Double>getAs("max_observed");
          }
        }
        Map<String, TrueOptimum.Plan> plans =
            new TreeMap<>(
                Map.of(
                    "ours",
                    ours,
                    "even",
                    TrueOptimum.evaluate(h, even),
                    "split",
                    TrueOptimum.evaluate(h, split)));
        if (Boolean.getBoolean("cmr.tune.oracle")) {
          plans.put("oracleInRange", solveIn(h, lo, hi, budget, target));
          plans.put("oracleWide", solveIn(h, lo2, hi2, budget, target));
        }
        if (Boolean.getBoolean("cmr.tune.decompose")) {
          // our allocation on curves with parts replaced by the truth at the centre: which part's
          // estimation error costs the regret
          for (String part : List.of("L", "S", "LS", "LSC", "C")) {
            ShapeCurve[] c = p.curves().clone();
            for (int i = 0; i < 7; i++) {
              ShapeCurve q = c[i];
              if (!q.fundable() || h[i].gmax() <= 0) {
                continue;
              }
              double ctr = Math.exp(q.centre());
              double lvl = part.contains("L") ? h[i].gmv(ctr) : q.level();
              double sl = part.contains("S") ? h[i].elasticity(ctr) : q.slope();
              double cu = part.contains("C") ? h[i].logCurvature(ctr) : q.curvature();
              c[i] =
                  new ShapeCurve(
                      q.channel(),
                      lvl,
                      q.centre(),
                      sl,
                      cu,
                      q.minSpend(),
                      q.maxSpend(),
                      q.minElasticity(),
                      q.lowU(),
                      q.highU(),
                      q.penalty());
            }
            double margin = s.roiMargin(p.status());
            Allocation a =
                Allocator.allocate(c, budget, target * (1 + margin), s.minChannelSpend());
            plans.put("true" + part, TrueOptimum.evaluate(h, a.spend()));
          }
        }
        for (var plan : plans.entrySet()) {
          TrueOptimum.Plan q = plan.getValue();
          double regret = o.gmv() > 0 ? 1 - q.gmv() / o.gmv() : 0;
          boolean met = q.totalSpend() <= 0 || q.gmv() >= 0.97 * target * q.totalSpend();
          byCohort
              .computeIfAbsent(cohort + " " + plan.getKey(), k -> new ArrayList<>())
              .add(new double[] {regret, met ? 1 : 0});
          if (days >= s.trainingDays()) { // the targets: spend on every day of the window
            byCohort
                .computeIfAbsent("full " + plan.getKey(), k -> new ArrayList<>())
                .add(new double[] {regret, met ? 1 : 0});
          }
          if (Boolean.getBoolean("cmr.tune.dump") && !plan.getKey().equals("even")) {
            System.out.printf(
                "ROW %s %s %d %.6f %d%n", variant, plan.getKey(), days, regret, met ? 1 : 0);
          }
          if (days >= 14
              && plan.getKey().equals("ours")
              && !met
              && Boolean.getBoolean("cmr.tune.misses")) {
            System.out.printf(
                "MISS %s days=%d tgt=%.2f trueROI/tgt=%.3f regret=%.3f %s%n",
                e.getKey(),
                days,
                target,
                q.gmv() / q.totalSpend() / target,
                regret,
                roiBound ? "roiBound" : "budgetBound");
          }
          if (days >= 14 && !plan.getKey().equals("even")) {
            byCohort
                .computeIfAbsent(
                    (roiBound ? "h-roiBound " : "h-budgetBound ") + plan.getKey(),
                    k -> new ArrayList<>())
                .add(new double[] {regret, met ? 1 : 0});
          }
        }
        double regretOurs = o.gmv() > 0 ? 1 - ours.gmv() / o.gmv() : 0;
        if (Boolean.getBoolean("cmr.tune.debug")
            && (Boolean.getBoolean("cmr.tune.debugCold")
                ? days < 14 && regretOurs > 0.8
                : days >= 14 && regretOurs > 0.3)) {
          StringBuilder d =
              new StringBuilder(
                  String.format(
                      "DEBUG %s B=%.0f tgt=%.2f regret=%.2f ours: spend %.1f pred %.1f true %.1f | opt: spend %.1f gmv %.1f%n",
                      e.getKey(),
                      budget,
                      target,
                      regretOurs,
                      ours.totalSpend(),
                      p.allocation().totalGmv(),
                      ours.gmv(),
                      o.totalSpend(),
                      o.gmv()));
          for (int i = 0; i < 7; i++) {
            Row r = e.getValue().get(i);
            ShapeCurve c = p.curves()[i];
            if (r.<Integer>getAs("days_observed") == 0 && h[i].gmax() == 0) {
              continue;
            }
            d.append(
                String.format(
                    "   %-20s n=%d obs[%.1f,%.1f] histROI=%.2f lvl=%.1f ctr=%.1f e=%.2f q=%.3f | ours %.1f (pred %.1f true %.1f) opt %.1f (true %.1f) trueROI@ctr=%.2f%n",
                    r.<String>getAs("channel"),
                    r.<Integer>getAs("days_observed"),
                    r.<Double>getAs("min_observed"),
                    r.<Double>getAs("max_observed"),
                    r.<Double>getAs("hist_spend") > 0
                        ? r.<Double>getAs("hist_gmv") / r.<Double>getAs("hist_spend")
                        : 0,
                    c.level(),
                    Math.exp(c.centre()),
                    c.slope(),
                    c.curvature(),
                    p.allocation().spend()[i],
                    c.gmv(p.allocation().spend()[i]),
                    h[i].gmv(p.allocation().spend()[i]),
                    o.spend()[i],
                    h[i].gmv(o.spend()[i]),
                    h[i].gmv(Math.exp(c.centre())) / Math.exp(c.centre())));
          }
          System.out.print(d);
        }
        double predRoi =
            p.allocation().totalSpend() > 0
                ? p.allocation().totalGmv() / p.allocation().totalSpend()
                : 0;
        if (days >= 14 && predRoi > 0) {
          byCohort
              .computeIfAbsent("h-true/pred roi", k -> new ArrayList<>())
              .add(new double[] {ours.gmv() / ours.totalSpend() / predRoi, 0});
          byCohort
              .computeIfAbsent(
                  "h-true/pred roi " + (roiBound ? "roiBound" : "budgetBound"),
                  k -> new ArrayList<>())
              .add(new double[] {ours.gmv() / ours.totalSpend() / predRoi, 0});
          // the same at the window's own spends: the level's error alone, no extrapolation
          double[] hist = new double[7];
          for (int i = 0; i < 7; i++) {
            Row r = e.getValue().get(i);
            int nd = r.<Integer>getAs("days_observed");
            hist[i] = nd > 0 ? r.<Double>getAs("hist_spend") / nd : 0;
          }
          double predHist = 0;
          for (int i = 0; i < 7; i++) {
            predHist += hist[i] > 0 ? p.curves()[i].gmv(hist[i]) : 0;
          }
          TrueOptimum.Plan atHist = TrueOptimum.evaluate(h, hist);
          if (predHist > 0) {
            byCohort
                .computeIfAbsent("h-true/pred gmv at mean spend", k -> new ArrayList<>())
                .add(new double[] {atHist.gmv() / predHist, 0});
          }
        }
      }
      long t2 = System.nanoTime();
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  "== %s (curves %.1fs, plans %.1fs)", variant, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
      byCohort.forEach(
          (k, v) -> {
            sb.append("\n");
            double[] r = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double met = v.stream().mapToDouble(x -> x[1]).average().orElse(0);
            sb.append(
                String.format(
                    "  %-20s n=%d med=%.2f%% p90=%.2f%% met=%.1f%% p10=%.3f",
                    k,
                    r.length,
                    100 * r[r.length / 2],
                    100 * r[(int) (r.length * 0.9)],
                    100 * met,
                    r[(int) (r.length * 0.1)]));
          });
      double[] m = new double[7];
      for (double[] q : slopePairs) {
        m[0] += q[0];
        m[1] += q[1];
        m[2] += q[0] * q[0];
        m[3] += q[1] * q[1];
        m[4] += q[0] * q[1];
        m[5] += q[2];
        m[6] += q[3];
      }
      int np = slopePairs.size();
      double vx = m[2] / np - Math.pow(m[0] / np, 2);
      double vy = m[3] / np - Math.pow(m[1] / np, 2);
      double cxy = m[4] / np - m[0] * m[1] / np / np;
      sb.append(
          String.format(
              "%n  slopes n=%d ours mean %.3f sd %.3f, true mean %.3f sd %.3f, "
                  + "corr %.3f, true-on-ours %.3f, rmse %.3f; curvature ours %.3f true %.3f",
              np,
              m[0] / np,
              Math.sqrt(vx),
              m[1] / np,
              Math.sqrt(vy),
              cxy / Math.sqrt(vx * vy),
              cxy / vx,
              Math.sqrt((m[2] + m[3] - 2 * m[4]) / np),
              m[5] / np,
              m[6] / np));
      System.out.println(sb);
    }
  }

  /** A knob of the variant that is not a setting (a shift applied to the trained curves), or 0. */
  static double knob(String spec, String key) {
    return spec.equals("base") ? 0 : knobs(spec).getOrDefault(key, 0.0);
  }

  /** The "key=value,key=value" pairs of a variant. */
  static Map<String, Double> knobs(String spec) {
    Map<String, Double> kv = new HashMap<>();
    for (String p : spec.split(",")) {
      String[] f = p.split("=");
      kv.put(f[0].trim(), Double.parseDouble(f[1]));
    }
    return kv;
  }

  /** Knob names of the variants and the model keys (conf: cmr.coefficients.model) they set. */
  static final Map<String, String> KNOB_KEYS =
      Map.ofEntries(
          Map.entry("tau2Min", "tau2_min"),
          Map.entry("poolGroups", "pool_groups"),
          Map.entry("alphaPriorDays", "alpha_prior_days"),
          Map.entry("cap", "cap_multiplier"),
          Map.entry("ok", "roi_margin_ok"),
          Map.entry("cold", "roi_margin_cold"),
          Map.entry("none", "roi_margin_none"),
          Map.entry("floor", "floor_multiplier"),
          Map.entry("rhoMin", "rho_min"),
          Map.entry("slopeMax", "slope_max"),
          Map.entry("pen", "range_penalty"),
          Map.entry("dayMin", "day_min_series"),
          Map.entry("dayNoise", "day_noise"),
          Map.entry("noiseDays", "noise_days"),
          Map.entry("lagMax", "lag_share_max"));

  /** A named variant of the settings: "base" or "key=value,key=value" over a few knobs. */
  static ModelSettings variant(ModelSettings b, CmrConfig.Coefficients c, String spec) {
    if (spec.equals("base")) {
      return b;
    }
    Map<String, Double> model = new HashMap<>(c.model());
    double priorDays = c.priorDays();
    for (Map.Entry<String, Double> e : knobs(spec).entrySet()) {
      if (e.getKey().equals("priorDays")) {
        priorDays = e.getValue();
      } else if (KNOB_KEYS.containsKey(e.getKey())) {
        model.put(KNOB_KEYS.get(e.getKey()), e.getValue());
      }
    }
    return ModelSettings.from(
        new CmrConfig.Coefficients(
            c.trainingDays(),
            c.coldStartDays(),
            priorDays,
            c.maxDriftShare(),
            c.driftFactor(),
            c.keepVersions(),
            Map.copyOf(model)));
  }

  /** The true optimum with each channel's spend either 0 or within [lo, hi] (hi 0: not funded). */
  static TrueOptimum.Plan solveIn(
      HillCurve[] curves, double[] lo, double[] hi, double budget, double target) {
    int grid = 200;
    double[][] grids = new double[curves.length][];
    for (int c = 0; c < curves.length; c++) {
      grids[c] = hi[c] <= 0 || lo[c] > hi[c] ? new double[0] : new double[grid + 1];
      for (int k = 0; k < grids[c].length; k++) {
        grids[c][k] = lo[c] * Math.pow(hi[c] / lo[c], (double) k / grid);
      }
    }
    return TrueOptimum.solveOn(curves, grids, budget, target);
  }

  private static int sortedIndex(String channel) {
    List<String> sorted = new ArrayList<>(SimulatedMarket.CHANNELS);
    sorted.sort(null);
    return sorted.indexOf(channel);
  }
}
