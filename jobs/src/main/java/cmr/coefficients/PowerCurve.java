package cmr.coefficients;

import java.io.Serializable;

/**
 * The fitted response of one campaign in one channel: expected attributed GMV per day
 * {@code alpha * s^beta} for a daily spend {@code s} in {@code (0, maxSpend]}. Spend above
 * {@code maxSpend} (a multiple of the largest spend observed, see {@link ModelSettings}) is never
 * planned, because the curve was not fitted there.
 */
public record PowerCurve(String channel, double alpha, double beta, double maxSpend)
    implements Serializable {

  public double gmv(double s) {
    return s <= 0 || alpha <= 0 ? 0 : alpha * Math.pow(s, beta);
  }

  /** Marginal return {@code d gmv / d s} at {@code s > 0}. */
  public double marginal(double s) {
    return alpha * beta * Math.pow(s, beta - 1);
  }

  /** Spend at which the marginal return equals {@code mu}, capped to {@code maxSpend}. */
  public double spendAt(double mu) {
    if (alpha <= 0 || maxSpend <= 0) {
      return 0;
    }
    double s = Math.pow(alpha * beta / mu, 1 / (1 - beta));
    return Double.isNaN(s) ? 0 : Math.min(s, maxSpend);
  }
}
