package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fitted curve's shape, worked by hand from its formula (docs/coefficients.md). */
class ShapeCurveTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void insideTheObservedRangeItIsTheLogQuadratic() {
    // level 100 at the centre spend 100, slope 0.5, curvature -0.25; range u in [-0.2, 0.2].
    // s = 110: u = ln 1.1 = 0.09531, ln g = ln 100 + 0.047655 - 0.002271 -> g = 104.64;
    // elasticity 0.5 - 0.5 * 0.09531 = 0.45234.
    ShapeCurve c =
        new ShapeCurve("search", 100, Math.log(100), 0.5, -0.25, 1, 1000, 0.05, -0.2, 0.2, 0.1);
    assertEquals(104.64, c.gmv(110), 0.01);
    assertEquals(0.45234, c.elasticity(110), 1e-5);
  }

  @Test
  void aboveTheRangeThePenaltyGrowsWithTheSquaredDistance() {
    // slope 0.5, no curvature, range up to u = 0.2, penalty 0.1. s = 100 e^0.7: d = 0.5,
    // ln g = ln 100 + 0.35 - 0.1 * 0.25 -> g = 100 e^0.325 = 138.40; elasticity 0.5 - 0.1 = 0.4.
    ShapeCurve c =
        new ShapeCurve("search", 100, Math.log(100), 0.5, 0, 1, 1000, 0.05, -0.2, 0.2, 0.1);
    double s = 100 * Math.exp(0.7);
    assertEquals(138.40, c.gmv(s), 0.01);
    assertEquals(0.4, c.elasticity(s), 1e-9);
    // without the penalty: 100 e^0.35 = 141.91
    ShapeCurve free = new ShapeCurve("search", 100, Math.log(100), 0.5, 0, 1, 1000, 0.05);
    assertEquals(141.91, free.gmv(s), 0.01);
  }

  @Test
  void farBelowTheCentreTheRoiLevelsOffInsteadOfCollapsing() {
    // slope 0.5, curvature -0.25: the elasticity 0.5 - 0.5 u reaches 1 at u = -1, where the ROI is
    // e^(-0.5 - 0.25) / e^-1 = e^0.25 = 1.2840. Below, GMV falls in proportion to spend: at u = -3
    // the ROI is still 1.2840 (the bare quadratic would give e^(-1.5 - 2.25 + 3) = 0.4724).
    ShapeCurve c = new ShapeCurve("search", 100, Math.log(100), 0.5, -0.25, 1, 1000, 0.05);
    double s = 100 * Math.exp(-3);
    assertEquals(1.2840, c.gmv(s) / s, 1e-4);
    assertEquals(1.0, c.elasticity(s), 1e-12);
    assertEquals(1.2840, c.marginal(s), 1e-4);
    // above: the elasticity reaches 0.05 at u = 0.9 (g = 100 e^(0.45 - 0.2025) = 128.08) and
    // stays there: at u = 2, g = 128.08 * e^(0.05 * 1.1) = 135.33
    assertEquals(135.33, c.gmv(100 * Math.exp(2)), 0.01);
  }

  @Test
  void spendAtInvertsTheMarginalReturn() {
    ShapeCurve c =
        new ShapeCurve("search", 100, Math.log(100), 0.6, -0.2, 1, 1000, 0.05, -0.3, 0.3, 0.1);
    // below u = -0.767 (s = 46.4) the elasticity is 1 and the marginal return flat: not there
    for (double s : new double[] {50, 60, 100, 180, 600}) {
      assertEquals(s, c.spendAt(c.marginal(s)), s * 1e-6);
    }
  }

  @Test
  void aCampaignWithoutHistoryIsFundedOnItsPooledCurve() {
    // A no_history campaign (SimulatedMarket's qzt00063): pooled curve with level 464.3 at the
    // centre B/7 = 155.71, slope 0.73, curvature -0.194, allowed from 1 CNY to B/7; target 1.74
    // plus the 20% margin = 2.088. Its ROI at B/7 is 464.3/155.71 = 2.98, so it is funded at
    // its cap (before the ROI levelled off below the centre, the curve fell to almost nothing at
    // 1 CNY and the plan spent nothing).
    double cap = 1090.0 / 7;
    ShapeCurve c = new ShapeCurve("live", 464.3, Math.log(cap), 0.73, -0.194, 1, cap, 0.05);
    Allocation a = Allocator.allocate(new Response[] {c}, 1090, 1.74 * 1.2, 1);
    assertEquals(155.71, a.spend()[0], 0.001);
    assertEquals(464.3, a.gmv()[0], 0.1);
  }

  @Test
  void infiniteRangeMeansNoPenalty() {
    ShapeCurve c =
        new ShapeCurve("search", 100, Math.log(100), 0.5, 0, 1, 1000, 0.05, -INF, INF, 5);
    assertEquals(100 * Math.exp(0.5 * Math.log(3)), c.gmv(300), 1e-9);
  }
}
