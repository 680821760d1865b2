package cmr.coefficients;

/**
 * A true response curve of the generator's truth file: expected attributed GMV per day of
 * spending {@code s} is {@code gmax * s^hill / (halfSaturation^hill + s^hill)}. Used only by the
 * evaluation (and the test simulator); the trainer never sees it.
 */
public record HillCurve(String channel, double gmax, double halfSaturation, double hill) {
  public double gmv(double s) {
    if (s <= 0 || gmax <= 0) {
      return 0;
    }
    double r = Math.pow(s / halfSaturation, hill);
    return gmax * r / (1 + r);
  }
}
