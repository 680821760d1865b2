package cmr.coefficients;

import java.util.ArrayList;
import java.util.List;

/**
 * The best plan under the true (Hill) curves of one campaign: maximise total true GMV subject to
 * {@code sum s <= budget} and {@code sum gmv >= target * sum s}. Curves may be S-shaped, so each
 * channel is sampled on a grid (0 and 600 log-spaced spends up to the budget) and replaced by the
 * upper concave hull of the samples; walking the hull segments of all channels in order of falling
 * slope (the Lagrangian path of equal marginal returns) gives every candidate plan, and the last
 * piece of a segment is cut by bisection where a constraint binds. The best feasible candidate is
 * returned. Cost: about 4,000 curve evaluations per campaign.
 */
public final class TrueOptimum {
  private static final int GRID = 600;

  private TrueOptimum() {}

  /** A plan and its true totals. */
  public record Plan(double[] spend, double gmv, double totalSpend) {
    public Double roi() {
      return totalSpend > 0 ? gmv / totalSpend : null;
    }
  }

  /** True totals of a given plan. */
  public static Plan evaluate(HillCurve[] curves, double[] spend) {
    double g = 0;
    double t = 0;
    for (int i = 0; i < curves.length; i++) {
      g += curves[i].gmv(spend[i]);
      t += spend[i];
    }
    return new Plan(spend.clone(), g, t);
  }

  public static Plan solve(HillCurve[] curves, double budget, double target) {
    double[][] grids = new double[curves.length][GRID];
    for (double[] g : grids) {
      for (int k = 1; k <= GRID; k++) {
        g[k - 1] = budget * Math.pow(10, -4 + 4.0 * k / GRID);
      }
    }
    return solveOn(curves, grids, budget, target);
  }

  /**
   * The best plan when channel {@code c} may spend 0 or one of the increasing spends {@code
   * grids[c]} (or, where a constraint binds, a spend between two of them); an empty grid keeps the
   * channel at 0. {@link #solve} samples the whole range up to the budget; a caller may restrict a
   * channel to a range of spends (the tuning harness does).
   */
  static Plan solveOn(HillCurve[] curves, double[][] grids, double budget, double target) {
    int n = curves.length;
    List<double[]> segments = new ArrayList<>(); // {channel, s0, s1, slope}
    for (int c = 0; c < n; c++) {
      double[] xs = new double[grids[c].length + 1];
      double[] ys = new double[xs.length];
      for (int k = 1; k < xs.length; k++) {
        xs[k] = grids[c][k - 1];
        ys[k] = curves[c].gmv(xs[k]);
      }
      int[] hull = upperHull(xs, ys);
      for (int h = 1; h < hull.length; h++) {
        double dx = xs[hull[h]] - xs[hull[h - 1]];
        double slope = (ys[hull[h]] - ys[hull[h - 1]]) / dx;
        if (slope > 0) {
          segments.add(new double[] {c, xs[hull[h - 1]], xs[hull[h]], slope});
        }
      }
    }
    segments.sort((a, b) -> Double.compare(b[3], a[3]));
    double[] spend = new double[n];
    Plan best = evaluate(curves, spend);
    for (double[] seg : segments) {
      int c = (int) seg[0];
      double[] next = spend.clone();
      next[c] = seg[2];
      Plan p = evaluate(curves, next);
      if (ok(p, budget, target)) {
        spend = next;
        if (p.gmv() > best.gmv()) {
          best = p;
        }
        continue;
      }
      // a constraint binds inside this segment: keep the largest feasible part of it
      double lo = 0;
      double hi = 1;
      for (int i = 0; i < 50; i++) {
        double mid = (lo + hi) / 2;
        next[c] = seg[1] + mid * (seg[2] - seg[1]);
        if (ok(evaluate(curves, next), budget, target)) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      next[c] = seg[1] + lo * (seg[2] - seg[1]);
      Plan cut = evaluate(curves, next);
      if (ok(cut, budget, target) && cut.gmv() > best.gmv()) {
        best = cut;
      }
      if (p.totalSpend() > budget) {
        break; // the budget is spent: later segments only add spend
      }
      spend = next; // the ROI binds: keep walking, a later segment may still be worth it
    }
    return best;
  }

  private static boolean ok(Plan p, double budget, double target) {
    return p.totalSpend() <= budget * (1 + 1e-12)
        && p.gmv() >= target * p.totalSpend() * (1 - 1e-12);
  }

  /** Indices of the upper concave hull of points sorted by x (Andrew's monotone chain). */
  static int[] upperHull(double[] xs, double[] ys) {
    int[] h = new int[xs.length];
    int m = 0;
    for (int i = 0; i < xs.length; i++) {
      while (m >= 2 && cross(xs, ys, h[m - 2], h[m - 1], i) >= 0) {
        m--;
      }
      h[m++] = i;
    }
    return java.util.Arrays.copyOf(h, m);
  }

  private static double cross(double[] xs, double[] ys, int o, int a, int b) {
    return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  }
}
