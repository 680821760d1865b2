package cmr.generate;

/**
 * Weighted choice among items 0..n-1 in O(1) expected time: cumulative weights plus a guide table
 * that maps a uniform draw to where its search starts. Drawing from a prefix (items registered or
 * opened by a day) uses the same table.
 */
final class Weights {
  private final double[] cum;
  private final int[] guide;

  Weights(double[] cumulative) {
    this.cum = cumulative;
    int n = cumulative.length;
    this.guide = new int[n + 1];
    double total = cumulative[n - 1];
    int i = 0;
    for (int g = 0; g <= n; g++) {
      double x = total * g / n;
      while (i < n - 1 && cumulative[i] <= x) {
        i++;
      }
      guide[g] = i;
    }
  }

  /** An index in [0, n) drawn with probability proportional to its weight. */
  int pick(Rng r, int n) {
    double x = r.nextDouble() * cum[n - 1];
    int g = (int) (x / cum[cum.length - 1] * (cum.length));
    int i = Math.min(guide[g], n - 1);
    while (i > 0 && cum[i - 1] > x) {
      i--;
    }
    while (i < n - 1 && cum[i] <= x) {
      i++;
    }
    return i;
  }
}
