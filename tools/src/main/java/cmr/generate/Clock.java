package cmr.generate;

/**
 * When in the (Asia/Shanghai) day things happen: an evening-heavy daily curve that keeps real
 * weight right before and after midnight, and for orders on Double 11 the midnight rush.
 */
final class Clock {
  private static final double[] HOURLY = {
    0.9, 0.5, 0.3, 0.2, 0.15, 0.2, 0.4, 0.7, 1.0, 1.2, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2,
    1.5, 1.9, 2.1, 2.0, 1.7
  };
  private static final double[] NORMAL = minutes(false);
  private static final double[] DOUBLE11 = minutes(true);

  private Clock() {}

  private static double[] minutes(boolean rush) {
    double[] w = new double[1440];
    for (int m = 0; m < 1440; m++) {
      w[m] = HOURLY[m / 60];
      if (m < 5 || m >= 1435) {
        w[m] *= 2.5;
      }
      if (rush && m < 60) {
        w[m] *= m < 10 ? 60 : 12;
      }
    }
    return Marketplace.cumulative(w);
  }

  /** A second of the local day. */
  static int second(Rng r, boolean double11Orders) {
    double[] c = double11Orders ? DOUBLE11 : NORMAL;
    return r.pick(c, c.length) * 60 + r.nextInt(60);
  }
}
