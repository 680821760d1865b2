package cmr.coefficients;

/**
 * A true response curve of the generator's truth file: expected attributed GMV per day of spending
 * {@code s} is {@code gmax * s^hill / (halfSaturation^hill + s^hill)}. Used only by the evaluation
 * (and the test simulator); the trainer never sees it.
 */
public record HillCurve(String channel, double gmax, double halfSaturation, double hill) {
  public double gmv(double s) {
    if (s <= 0 || gmax <= 0) {
      return 0;
    }
    double r = Math.pow(s / halfSaturation, hill);
    return gmax * r / (1 + r);
  }

  /** {@code d ln gmv / d ln s} at {@code s > 0}: {@code hill / (1 + (s / k)^hill)}. */
  public double elasticity(double s) {
    return hill / (1 + Math.pow(s / halfSaturation, hill));
  }

  /**
   * Half the second derivative of {@code ln gmv} in {@code ln s} at {@code s > 0}, the {@code
   * curvature} of a log-quadratic curve touching this one there: {@code -hill^2 r / (2 (1 + r)^2)},
   * {@code r = (s / k)^hill}.
   */
  public double logCurvature(double s) {
    double r = Math.pow(s / halfSaturation, hill);
    return -hill * hill * r / (1 + r) / (1 + r) / 2;
  }
}
