package cmr.coefficients;

/**
 * The fitted response of one campaign in one channel (curves.sql): a log-quadratic curve around the
 * centre of the observed spends, {@code ln gmv(s) = ln(level) + slope * u + curvature * u^2 -
 * penalty * d^2} with {@code u = ln(s) - centre} and {@code d} how far {@code u} lies outside
 * {@code [lowU, highU]}, the range of spends observed (the further from any day seen, the less the
 * curve is trusted), planned only within {@code [minSpend, maxSpend]}. Its elasticity {@code slope
 * + 2 curvature u - 2 penalty d} falls as spend rises ({@code curvature <= 0}, {@code penalty >=
 * 0}): returns saturate, unlike a power law. The elasticity is kept in [{@code minElasticity}, 1],
 * so the marginal return {@code gmv(s) * elasticity(s) / s} falls with spend and {@link #spendAt}
 * is a bisection.
 */
public record ShapeCurve(
    String channel,
    double level,
    double centre,
    double slope,
    double curvature,
    double minSpend,
    double maxSpend,
    double minElasticity,
    double lowU,
    double highU,
    double penalty)
    implements Response {
  private static final int STEPS = 30;

  /** A curve trusted at every spend (no penalty outside an observed range). */
  public ShapeCurve(
      String channel,
      double level,
      double centre,
      double slope,
      double curvature,
      double minSpend,
      double maxSpend,
      double minElasticity) {
    this(
        channel,
        level,
        centre,
        slope,
        curvature,
        minSpend,
        maxSpend,
        minElasticity,
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        0);
  }

  /** How far {@code u} lies outside the observed range {@code [lowU, highU]} (signed: + above). */
  private double outside(double u) {
    return u > highU ? u - highU : u < lowU ? u - lowU : 0;
  }

  /** ln gmv at {@code u = ln(s) - centre} of the quadratic, less the penalty. */
  private double rawLogGmv(double u) {
    double d = outside(u);
    return Math.log(level) + slope * u + curvature * u * u - penalty * d * d;
  }

  /** Unclamped {@code d ln gmv / d u} of the quadratic: piecewise linear, never rising. */
  private double rawElasticity(double u) {
    return slope + 2 * curvature * u - 2 * penalty * outside(u);
  }

  /**
   * The {@code u} where {@link #rawElasticity} equals {@code e} ({@code -inf} when it is below
   * {@code e} everywhere, {@code +inf} when above).
   */
  private double crossing(double e) {
    double below = 2 * curvature - 2 * penalty; // slope of the elasticity outside the range
    if (Double.isFinite(lowU) && rawElasticity(lowU) < e) {
      return below < 0 ? (e - slope - 2 * penalty * lowU) / below : Double.NEGATIVE_INFINITY;
    }
    if (Double.isFinite(highU) && rawElasticity(highU) > e) {
      return below < 0 ? (e - slope - 2 * penalty * highU) / below : Double.POSITIVE_INFINITY;
    }
    if (curvature < 0) {
      return (e - slope) / (2 * curvature);
    }
    return slope >= e ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /**
   * ln gmv at {@code u}: the quadratic where its elasticity is within [minElasticity, 1]; beyond,
   * straight lines with elasticity 1 (below: GMV never falls faster than spend, so the ROI stays
   * level rather than collapsing far below the centre) and minElasticity (above). So gmv, {@link
   * #elasticity} and the marginal return agree everywhere.
   */
  private double logGmv(double u) {
    double u1 = crossing(1.0);
    if (u < u1) {
      return rawLogGmv(u1) + (u - u1);
    }
    double u2 = crossing(minElasticity);
    if (u > u2) {
      return rawLogGmv(u2) + minElasticity * (u - u2);
    }
    return rawLogGmv(u);
  }

  @Override
  public double gmv(double s) {
    if (s <= 0 || level <= 0) {
      return 0;
    }
    return Math.exp(logGmv(Math.log(s) - centre));
  }

  /** {@code d ln gmv / d ln s} at {@code s > 0}, within [minElasticity, 1]. */
  public double elasticity(double s) {
    return clamp(rawElasticity(Math.log(s) - centre));
  }

  private double clamp(double e) {
    return Math.max(minElasticity, Math.min(1.0, e));
  }

  @Override
  public double marginal(double s) {
    return gmv(s) * elasticity(s) / s;
  }

  /** ln of the marginal return at {@code u = ln(s) - centre}. */
  private double logMarginal(double u) {
    return logGmv(u) + Math.log(clamp(rawElasticity(u))) - centre - u;
  }

  /**
   * Where the marginal return equals {@code mu}, within the range: safeguarded Newton on {@code u}
   * (the bracket halves whenever a step would leave it), a few steps.
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
      double e = rawElasticity(u);
      double de = 2 * curvature - (outside(u) != 0 ? 2 * penalty : 0);
      double d = clamp(e) - 1 + (e > minElasticity && e < 1.0 ? de / e : 0);
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
