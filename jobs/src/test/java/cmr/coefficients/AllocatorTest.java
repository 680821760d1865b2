package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The allocation on curves small enough to solve by hand (no Spark). */
class AllocatorTest {
  private static final double BIG = 1e9;

  @Test
  void budgetBindsAndMarginalReturnsAreEqual() {
    // gmv1 = 20 sqrt(s), gmv2 = 10 sqrt(s): marginal 10/sqrt(s1) = 5/sqrt(s2) = mu, so s1 = 4 s2;
    // s1 + s2 = 100 -> s1 = 80, s2 = 20, mu = 10/sqrt(80) = 1.1180, gmv = 20*8.944 + 10*4.472
    // = 223.61, ROI 2.236 >= target 1: the budget binds.
    PowerCurve[] c = {
      new PowerCurve("search", 20, 0.5, 1, BIG), new PowerCurve("live", 10, 0.5, 1, BIG)
    };
    Allocation a = Allocator.allocate(c, 100, 1, 1);
    assertArrayEquals(new double[] {80, 20}, a.spend(), 0.011);
    assertEquals(223.61, a.totalGmv(), 0.01);
    assertEquals(1 / 1.1180, a.bidMultiplier(), 1e-3);
    assertEquals(0.8, a.weight(0), 1e-3);
  }

  @Test
  void targetRoiBindsBeforeTheBudget() {
    // Two equal curves 10 sqrt(s): ROI at equal marginal mu is mu / beta = 2 mu; target 2 needs
    // mu = 1, s = (10 * 0.5 / 1)^2 = 25 each: spend 50 < budget 100, gmv 100, ROI 2, bid 1.
    PowerCurve[] c = {
      new PowerCurve("search", 10, 0.5, 1, BIG), new PowerCurve("live", 10, 0.5, 1, BIG)
    };
    Allocation a = Allocator.allocate(c, 100, 2, 1);
    assertArrayEquals(new double[] {25, 25}, a.spend(), 0.011);
    assertEquals(1.0, a.bidMultiplier(), 1e-3);
    assertEquals(2.0, a.totalGmv() / a.totalSpend(), 1e-3);
  }

  @Test
  void capsLimitAChannelAndTheRestGoesElsewhere() {
    // Without caps s1 = 80; capped at 30, the rest of the budget goes to channel 2 (70). mu is
    // the smaller marginal: channel 2's 5/sqrt(70) = 0.5976 (channel 1's is 10/sqrt(30) = 1.83).
    PowerCurve[] c = {
      new PowerCurve("search", 20, 0.5, 1, 30), new PowerCurve("live", 10, 0.5, 1, BIG)
    };
    Allocation a = Allocator.allocate(c, 100, 1, 1);
    assertArrayEquals(new double[] {30, 70}, a.spend(), 0.011);
    assertEquals(1 / 0.5976, a.bidMultiplier(), 1e-3);
  }

  @Test
  void aChannelHeldAtItsFloorDoesNotSetTheBidMultiplier() {
    // marginals 5/sqrt(s1) and 10/sqrt(s2); unconstrained s1 = 20, s2 = 80, but channel 1 may
    // not go below 50: it is held at 50 (marginal 5/sqrt(50) = 0.7071) and channel 2 gets the
    // other 50 at the shared mu = 10/sqrt(50) = 1.4142 (30 sqrt(50) = 212.1 beats channel 2
    // alone, 200). bid_multiplier = 1/mu = 0.7071, not 1/0.7071 from the floor channel.
    PowerCurve[] c = {
      new PowerCurve("search", 10, 0.5, 50, BIG), new PowerCurve("live", 20, 0.5, 1, BIG)
    };
    Allocation a = Allocator.allocate(c, 100, 1, 1);
    assertArrayEquals(new double[] {50, 50}, a.spend(), 0.011);
    assertEquals(1 / 1.41421, a.bidMultiplier(), 1e-3);
  }

  @Test
  void nothingToFundGivesAZeroPlan() {
    // no curve has a level (no history anywhere): no spend, bid multiplier 0, weights 0
    PowerCurve[] c = {
      new PowerCurve("search", 0, 0.5, 1, 100), new PowerCurve("live", 0, 0.5, 1, 100)
    };
    Allocation a = Allocator.allocate(c, 100, 2, 1);
    assertArrayEquals(new double[] {0, 0}, a.spend());
    assertEquals(0, a.bidMultiplier());
    assertEquals(0, a.weight(0));
  }

  @Test
  void aChannelIsSwitchedOffRatherThanPlannedBelowItsObservedRange() {
    // Channel 1: 10 sqrt(s) observed in [50, 100]; channel 2: 2 sqrt(s) observed in [50, 100].
    // Target 1: at its floor 50 channel 2 returns 2*7.07/50 = 0.28, so funding it at all pulls
    // the ROI down; alone, channel 1 at its cap 100 returns 10*10/100 = 1.0 >= 1 and spends 100
    // (budget 200). Both funded at the floors and caps cannot reach ROI 1 with more GMV.
    PowerCurve[] c = {
      new PowerCurve("search", 10, 0.5, 50, 100), new PowerCurve("live", 2, 0.5, 50, 100)
    };
    Allocation a = Allocator.allocate(c, 200, 1, 1);
    assertArrayEquals(new double[] {100, 0}, a.spend(), 0.011);
    assertEquals(100.0, a.totalGmv(), 0.01);
  }

  @Test
  void channelsUnderTheMinimumSpendGetNothing() {
    // target 20 on 10 sqrt(s): ROI 10/sqrt(s) >= 20 needs s <= 0.25 CNY, under the 1 CNY minimum
    PowerCurve[] c = {new PowerCurve("search", 10, 0.5, 1, BIG)};
    Allocation a = Allocator.allocate(c, 100, 20, 1);
    assertEquals(0, a.totalSpend());
    assertEquals(0, a.bidMultiplier());
  }
}
