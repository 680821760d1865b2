package cmr.coefficients;

/**
 * The fitted response of one campaign in one channel: expected attributed GMV per day {@code alpha
 * * s^beta} for a daily spend {@code s} in {@code [minSpend, maxSpend]}, or 0. Spend outside
 * (multiples of the smallest and largest spend observed, see {@link ModelSettings}) is never
 * planned, because the curve was not fitted there: true responses saturate above, and may be
 * S-shaped below.
 */
public record PowerCurve(
    String channel, double alpha, double beta, double minSpend, double maxSpend)
    implements Response {

  public double gmv(double s) {
    return s <= 0 || alpha <= 0 ? 0 : alpha * Math.pow(s, beta);
  }

  /** Marginal return {@code d gmv / d s} at {@code s > 0}. */
  public double marginal(double s) {
    return alpha * beta * Math.pow(s, beta - 1);
  }

  @Override
  public double localBeta(double s) {
    return beta;
  }

  /** Whether the channel can be funded at all: a level, and room between floor and cap. */
  public boolean fundable() {
    return alpha > 0 && maxSpend > 0 && maxSpend >= minSpend;
  }

  /**
   * Spend of a funded channel at marginal return {@code mu}: where the curve's marginal equals
   * {@code mu}, kept within {@code [minSpend, maxSpend]}.
   */
  public double spendAt(double mu) {
    double s = Math.pow(alpha * beta / mu, 1 / (1 - beta));
    if (Double.isNaN(s)) {
      s = 0;
    }
    return Math.max(minSpend, Math.min(s, maxSpend));
  }
}
