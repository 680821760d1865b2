package cmr.coefficients;

/**
 * The fitted response of one campaign in one channel (curves.sql): a log-quadratic curve around
 * the centre of the observed spends,
 * {@code ln gmv(s) = ln(level) + slope * u + curvature * u^2} with {@code u = ln(s) - centre},
 * planned only within {@code [minSpend, maxSpend]}. Its elasticity {@code slope + 2 curvature u}
 * falls as spend rises ({@code curvature <= 0}): returns saturate, unlike a power law. Inside the
 * range the elasticity is kept in [{@code minElasticity}, 1], so the marginal return
 * {@code gmv(s) * elasticity(s) / s} falls with spend and {@link #spendAt} is a bisection.
 */
public record ShapeCurve(String channel, double level, double centre, double slope,
                         double curvature, double minSpend, double maxSpend,
                         double minElasticity) implements Response {
  private static final int STEPS = 30;

  @Override
  public double gmv(double s) {
    if (s <= 0 || level <= 0) {
      return 0;
    }
    double u = Math.log(s) - centre;
    return level * Math.exp(slope * u + curvature * u * u);
  }

  /** {@code d ln gmv / d ln s} at {@code s > 0}, within [minElasticity, 1]. */
  public double elasticity(double s) {
    double u = Math.log(s) - centre;
    return Math.max(minElasticity, Math.min(1.0, slope + 2 * curvature * u));
  }

  @Override
  public double marginal(double s) {
    return gmv(s) * elasticity(s) / s;
  }

  /** ln of the marginal return at {@code u = ln(s) - centre}. */
  private double logMarginal(double u) {
    return Math.log(level) + slope * u + curvature * u * u
        + Math.log(Math.max(minElasticity, Math.min(1.0, slope + 2 * curvature * u))) - centre - u;
  }

  /**
   * Where the marginal return equals {@code mu}, within the range: safeguarded Newton on
   * {@code u} (the bracket halves whenever a step would leave it), a few steps.
   */
  @Override
  public double spendAt(double mu) {
    double target = Math.log(mu);
    double lo = Math.log(Math.max(minSpend, 1e-9)) - centre;
    double hi = Math.log(maxSpend) - centre;
    if (logMarginal(lo) <= target) {
      return Math.exp(lo + centre);
    }
    if (logMarginal(hi) >= target) {
      return Math.exp(hi + centre);
    }
    double u = (lo + hi) / 2;
    for (int i = 0; i < STEPS; i++) {
      double f = logMarginal(u) - target;
      if (f > 0) {
        lo = u;
      } else {
        hi = u;
      }
      double e = slope + 2 * curvature * u;
      double d = e - 1 + (e > minElasticity && e < 1.0 ? 2 * curvature / e : 0);
      double next = d < 0 ? u - f / d : (lo + hi) / 2;
      if (!(next > lo && next < hi)) {
        next = (lo + hi) / 2;
      }
      if (Math.abs(next - u) < 1e-9) {
        u = next;
        break;
      }
      u = next;
    }
    return Math.exp(u + centre);
  }

  @Override
  public boolean fundable() {
    return level > 0 && maxSpend > 0 && maxSpend >= minSpend;
  }

  @Override
  public double localBeta(double s) {
    return elasticity(s);
  }
}
