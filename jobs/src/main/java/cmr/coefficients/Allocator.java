package cmr.coefficients;

/**
 * Splits one campaign's daily budget across channels (SPEC §4): maximise {@code sum gmv_ch(s_ch)}
 * subject to {@code sum s <= budget} and {@code sum gmv >= target * sum s}. At the optimum every
 * funded, uncapped channel has the same marginal return {@code mu}; spend falls as {@code mu}
 * rises, so the smallest {@code mu} meeting both constraints is found by bisection (on log mu, 200
 * steps). A channel whose spend at {@code mu} would be under {@link ModelSettings#minChannelSpend}
 * gets nothing (too little to buy traffic with). Degenerate cases: no curve with a positive level
 * (no history and no prior) gives a zero plan with bid multiplier 0. Cost: O(channels) per step.
 */
public final class Allocator {
  private static final double MU_LO = 1e-9;
  private static final double MU_HI = 1e9;

  private Allocator() {}

  /**
   * @param curves  one per channel (a channel with alpha 0 or maxSpend 0 is never funded)
   * @param budget  daily budget B
   * @param target  ROI the plan must reach on the fitted curves (the campaign's target times any
   *                safety margin the caller adds)
   */
  public static Allocation allocate(PowerCurve[] curves, double budget, double target,
                                    double minChannelSpend) {
    double lo = Math.log(MU_LO);
    double hi = Math.log(MU_HI);
    if (!feasible(curves, Math.exp(hi), budget, target, minChannelSpend)) {
      return zero(curves.length);
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
      double mid = (lo + hi) / 2;
      if (feasible(curves, Math.exp(mid), budget, target, minChannelSpend)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double[] spend = spends(curves, Math.exp(hi), minChannelSpend);
    double[] gmv = new double[curves.length];
    double mu = Double.POSITIVE_INFINITY;
    for (int i = 0; i < curves.length; i++) {
      spend[i] = Math.floor(spend[i] * 100 + 1e-6) / 100; // cents, down (1e-6: float noise)
      if (spend[i] > 0) {
        gmv[i] = curves[i].gmv(spend[i]);
        mu = Math.min(mu, curves[i].marginal(spend[i]));
      } else {
        spend[i] = 0;
      }
    }
    return new Allocation(spend, gmv, mu);
  }

  private static Allocation zero(int n) {
    return new Allocation(new double[n], new double[n], Double.POSITIVE_INFINITY);
  }

  static double[] spends(PowerCurve[] curves, double mu, double minChannelSpend) {
    double[] s = new double[curves.length];
    for (int i = 0; i < curves.length; i++) {
      double x = curves[i].spendAt(mu);
      s[i] = x >= minChannelSpend ? x : 0;
    }
    return s;
  }

  private static boolean feasible(PowerCurve[] curves, double mu, double budget, double target,
                                  double minChannelSpend) {
    double[] s = spends(curves, mu, minChannelSpend);
    double spend = 0;
    double gmv = 0;
    for (int i = 0; i < s.length; i++) {
      spend += s[i];
      gmv += curves[i].gmv(s[i]);
    }
    return spend <= budget && gmv >= target * spend * (1 + 1e-9);
  }
}
