package cmr.generate;

/**
 * A small, fast, seedable random stream (SplitMix64). Every stream is derived from the run's seed
 * and a few keys (day, campaign, order index ...), so any part of the data can be generated, or
 * regenerated, on any thread with identical results. Not thread-safe: one instance per task.
 */
final class Rng {
  private long state;

  Rng(long seed) {
    this.state = seed;
  }

  /** A stream for the given keys; the same keys always give the same stream. */
  static Rng of(long seed, long a, long b, long c) {
    return new Rng(mix(mix(mix(seed ^ 0x5DEECE66DL) + a) + b * 0x9E3779B97F4A7C15L) ^ c);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, n). */
  int nextInt(int n) {
    return (int) (((nextLong() >>> 32) * n) >>> 32);
  }

  /** Uniform in [lo, hi]. */
  int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal (Box-Muller, one value per call). */
  double gaussian() {
    double u = 1.0 - nextDouble();
    double v = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with median 1 and the given log-sd, scaled to have mean 1. */
  double noise(double sigma) {
    return Math.exp(sigma * gaussian() - sigma * sigma / 2);
  }

  /** Index drawn from a non-decreasing cumulative weight array restricted to [0, n). */
  int pick(double[] cumulative, int n) {
    double x = nextDouble() * cumulative[n - 1];
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
