package cmr.coefficients;

/**
 * Splits one campaign's daily budget across channels (SPEC §4): maximise {@code sum gmv_ch(s_ch)}
 * subject to {@code sum s <= budget} and {@code sum gmv >= target * sum s}. At the optimum every
 * funded channel whose spend is inside its range has the same marginal return {@code mu}; spend
 * falls as {@code mu} rises, so for a set of funded channels the smallest {@code mu} meeting both
 * constraints is found by bisection (on log mu). Because a funded channel is kept within the spend
 * range it was observed in ({@link Response#minSpend()} .. {@link Response#maxSpend()}), switching
 * a channel off is a separate choice: every subset of the fundable channels (at most 2^7 = 128) is
 * solved and the one with the most expected GMV wins. Nothing feasible (no channel with a level, or
 * a target no subset reaches) gives the zero plan: no spend, bid multiplier 0. Cost: 128 subsets x
 * 50 bisection steps x 7 channels per campaign (a few curve evaluations each).
 */
public final class Allocator {
  private static final double LOG_MU_LO = Math.log(1e-9);
  private static final double LOG_MU_HI = Math.log(1e9);
  private static final int STEPS = 50;

  private Allocator() {}

  /**
   * @param curves one per channel (a channel that is not {@link Response#fundable()} gets 0)
   * @param budget daily budget B
   * @param target ROI the plan must reach on the fitted curves (the campaign's target times any
   *     safety margin the caller adds)
   * @param minChannelSpend a funded channel gets at least this many CNY a day
   */
  public static Allocation allocate(
      Response[] curves, double budget, double target, double minChannelSpend) {
    int n = curves.length;
    int usable = 0;
    for (int i = 0; i < n; i++) {
      if (curves[i].fundable() && curves[i].maxSpend() >= minChannelSpend) {
        usable |= 1 << i;
      }
    }
    double[] best = new double[n];
    double bestGmv = 0;
    double mu = Double.POSITIVE_INFINITY;
    for (int subset = usable; subset > 0; subset = (subset - 1) & usable) {
      Solved s = solve(curves, subset, budget, target, minChannelSpend);
      if (s != null) {
        double g = gmv(curves, s.spend());
        if (g > bestGmv) {
          bestGmv = g;
          best = s.spend();
          mu = s.mu();
        }
      }
    }
    double[] gmv = new double[n];
    for (int i = 0; i < n; i++) {
      if (best[i] > 0) {
        best[i] = Math.floor(best[i] * 100 + 1e-6) / 100; // cents, down (1e-6: float noise)
        gmv[i] = curves[i].gmv(best[i]);
      }
    }
    return new Allocation(best, gmv, mu);
  }

  /**
   * The spends of a subset at the smallest feasible marginal return {@code mu} (SPEC §4: the {@code
   * mu} shared by the funded channels, {@code bid_multiplier = 1 / mu}; a channel held at its floor
   * has a marginal return below it, one held at its cap one above it).
   */
  private record Solved(double[] spend, double mu) {}

  /** The spends of the channels in {@code subset} at the smallest feasible mu, or null. */
  private static Solved solve(
      Response[] curves, int subset, double budget, double target, double minChannelSpend) {
    // every funded channel's spend is at its cap below the smallest marginal at a cap, and at
    // its floor above the largest marginal at a floor: bisect between the two
    double lo = LOG_MU_HI;
    double hi = LOG_MU_LO;
    for (int i = 0; i < curves.length; i++) {
      if ((subset & (1 << i)) != 0) {
        Response c = curves[i];
        lo = Math.min(lo, Math.log(c.marginal(c.maxSpend())) - 1e-6);
        hi = Math.max(hi, Math.log(c.marginal(Math.max(minChannelSpend, c.minSpend()))) + 1e-6);
      }
    }
    lo = Math.max(LOG_MU_LO, Double.isFinite(lo) ? lo : LOG_MU_LO);
    hi = Math.min(LOG_MU_HI, Double.isFinite(hi) ? hi : LOG_MU_HI);
    if (hi <= lo) {
      hi = lo + 1e-6;
    }
    if (!feasible(spends(curves, subset, hi, minChannelSpend), curves, budget, target)) {
      return null;
    }
    for (int i = 0; i < STEPS; i++) {
      double mid = (lo + hi) / 2;
      if (feasible(spends(curves, subset, mid, minChannelSpend), curves, budget, target)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new Solved(spends(curves, subset, hi, minChannelSpend), Math.exp(hi));
  }

  private static double[] spends(
      Response[] curves, int subset, double logMu, double minChannelSpend) {
    double mu = Math.exp(logMu);
    double[] s = new double[curves.length];
    for (int i = 0; i < curves.length; i++) {
      if ((subset & (1 << i)) != 0) {
        s[i] = Math.max(minChannelSpend, curves[i].spendAt(mu));
      }
    }
    return s;
  }

  private static double gmv(Response[] curves, double[] s) {
    double g = 0;
    for (int i = 0; i < s.length; i++) {
      g += curves[i].gmv(s[i]);
    }
    return g;
  }

  private static boolean feasible(double[] s, Response[] curves, double budget, double target) {
    double spend = 0;
    for (double x : s) {
      spend += x;
    }
    return spend <= budget && gmv(curves, s) >= target * spend * (1 + 1e-9);
  }
}
