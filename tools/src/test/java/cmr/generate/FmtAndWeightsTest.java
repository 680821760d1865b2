package cmr.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FmtAndWeightsTest {
  private static final int NOV11 = (int) LocalDate.of(2026, 11, 11).toEpochDay();
  private final Fmt fmt = new Fmt(NOV11, NOV11 + 10);

  @Test
  void timesNearShanghaiMidnightInBothOffsets() {
    // 00:00:05 in Shanghai on Nov 11 is 16:00:05 UTC on Nov 10
    assertEquals("2026-11-11T00:00:05+08:00", fmt.time(NOV11, 5, -1, false));
    assertEquals("2026-11-10T16:00:05Z", fmt.time(NOV11, 5, -1, true));
    // 23:59:59.007 in Shanghai is 15:59:59.007 UTC the same day
    assertEquals("2026-11-11T15:59:59.007Z", fmt.time(NOV11, 86_399, 7, true));
    // a second of day past midnight rolls to the next day
    assertEquals("2026-11-12T00:00:01+08:00", fmt.time(NOV11, 86_401, -1, false));
    assertEquals("2026-11-11T08:30:00", fmt.timeWithoutOffset(NOV11, 8 * 3600 + 1800, false));
    assertEquals("2026-11-11 08:30:00", fmt.timeWithoutOffset(NOV11, 8 * 3600 + 1800, true));
  }

  @Test
  void moneyHasTwoDecimals() {
    assertEquals("129.90", Fmt.money(12_990));
    assertEquals("0.05", Fmt.money(5));
    assertEquals("0.00", Fmt.money(0));
    assertEquals("-3.10", Fmt.money(-310));
    assertEquals("u0000042", Fmt.pad("u", 42, 7));
  }

  @Test
  void weightedPicksFollowTheWeightsAndStayInThePrefix() {
    // weights 1, 0, 3, 4 (cumulative 1, 1, 4, 8): item 1 never drawn; shares 1/8, 0, 3/8, 4/8
    Weights w = new Weights(new double[] {1, 1, 4, 8});
    Rng r = new Rng(1);
    int[] n = new int[4];
    for (int i = 0; i < 80_000; i++) {
      n[w.pick(r, 4)]++;
    }
    assertEquals(0, n[1]);
    assertEquals(10_000, n[0], 600);
    assertEquals(30_000, n[2], 900);
    assertEquals(40_000, n[3], 900);
    // restricted to the first 3 items: weights 1, 0, 3 -> shares 1/4, 0, 3/4
    int[] m = new int[4];
    for (int i = 0; i < 40_000; i++) {
      m[w.pick(r, 3)]++;
    }
    assertEquals(0, m[3]);
    assertEquals(10_000, m[0], 600);
    assertTrue(m[2] > 29_000);
  }

  @Test
  void unitsSoldAreAnUnbiasedRealisationOfTheGmv() {
    Rng r = new Rng(11);
    // expected GMV far below one price (0.2 of a 299.90 item): 0 or 1 unit, mean 0.2
    // (binomial sd of the mean over 200k draws: 0.0009)
    long sum = 0;
    for (int i = 0; i < 200_000; i++) {
      int u = FactDay.units(59.98, 29_990, r);
      assertTrue(u == 0 || u == 1, "units " + u);
      sum += u;
    }
    assertEquals(0.2, sum / 200_000.0, 0.004);
    // 3.3344 prices: 3 or 4 units, mean 3.3344
    sum = 0;
    for (int i = 0; i < 200_000; i++) {
      int u = FactDay.units(1000.0, 29_990, r);
      assertTrue(u == 3 || u == 4, "units " + u);
      sum += u;
    }
    assertEquals(1000.0 / 299.90, sum / 200_000.0, 0.005);
    // whole prices are exact; nothing for no GMV
    assertEquals(2, FactDay.units(60.0, 3_000, r));
    assertEquals(0, FactDay.units(0, 2_999, r));
    assertEquals(0, FactDay.units(-1, 2_999, r));
  }
}
