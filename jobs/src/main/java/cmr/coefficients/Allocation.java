package cmr.coefficients;

/**
 * A campaign's plan: daily spend per channel (cents, rounded down), the expected GMV per channel on
 * the fitted curves, and the marginal return {@code mu} shared by the funded channels. {@code
 * bidMultiplier} is {@code 1 / mu}, or 0 when nothing is spent.
 */
public record Allocation(double[] spend, double[] gmv, double mu) {
  public double totalSpend() {
    double t = 0;
    for (double s : spend) {
      t += s;
    }
    return t;
  }

  public double totalGmv() {
    double t = 0;
    for (double g : gmv) {
      t += g;
    }
    return t;
  }

  public double bidMultiplier() {
    return totalSpend() > 0 && mu > 0 && Double.isFinite(mu) ? 1 / mu : 0;
  }

  /** Share of the planned spend in channel i; all 0 when nothing is spent. */
  public double weight(int i) {
    double t = totalSpend();
    return t > 0 ? spend[i] / t : 0;
  }
}
