package cmr.coefficients;

import java.io.Serializable;

/**
 * A fitted response of one campaign in one channel, as the {@link Allocator} sees it: expected
 * attributed GMV per day at a daily spend, its marginal return, and the spend range in which the
 * channel may be planned ({@code [minSpend, maxSpend]}, or not at all). Within the range the
 * marginal return falls as spend rises, so {@link #spendAt} is well defined.
 */
public interface Response extends Serializable {
  String channel();

  /** Expected GMV per day at daily spend {@code s} (0 at {@code s <= 0}). */
  double gmv(double s);

  /** Marginal return {@code d gmv / d s} at {@code s > 0}. */
  double marginal(double s);

  /** Spend at marginal return {@code mu}, kept within {@code [minSpend, maxSpend]}. */
  double spendAt(double mu);

  double minSpend();

  double maxSpend();

  /** Whether the channel can be funded at all: a level, and room between floor and cap. */
  boolean fundable();

  /** Exponent of the power law {@code alpha * s^beta} through the curve at {@code s > 0}. */
  double localBeta(double s);
}
