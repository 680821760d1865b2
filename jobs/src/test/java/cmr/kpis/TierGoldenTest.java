package cmr.kpis;

import static cmr.testing.Fixtures.activity;
import static cmr.testing.Fixtures.pay;
import static cmr.testing.Fixtures.refund;
import static cmr.testing.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.state.StateStep;
import cmr.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Golden test of the UCMV ladder: thresholds (5 vs 6 distinct orders, 999.99 vs 1000.00 net), 88VIP
 * on and off between snapshots, NEW, a user missing from the M-1 snapshot, and the 365-day window's
 * first day. First run Nov 30 2026 (silver already holds older events; the state is bootstrapped
 * from all of it), then Dec 1 (the end of December = the latest date run). Windows: end Nov 30 ->
 * [2025-12-01, 2026-11-30]; end Oct 31 -> [2025-11-01, 2026-10-31]; end Dec 1 -> [2025-12-02,
 * 2026-12-01].
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TierGoldenTest {
  static Fixtures f;

  @BeforeAll
  static void fixture() {
    f = new Fixtures("kpis-tiers");
    String nov = "2026-11-10T12:00:00+08:00";
    f.given(
        "orders",
        // t1: 6 distinct orders, net exactly 1000.00 -> M
        pay("1a")
            .order("o11")
            .user("t1")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("1b")
            .order("o12")
            .user("t1")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("1c")
            .order("o13")
            .user("t1")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("1d")
            .order("o14")
            .user("t1")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("1e")
            .order("o15")
            .user("t1")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("1f")
            .order("o16")
            .user("t1")
            .merchant("m1")
            .category("misc")
            .amount("250.00")
            .method("alipay")
            .at(nov),
        // t2: 6 pay events but order o25 twice -> 5 distinct orders, net 1200.00 -> C
        pay("2a")
            .order("o21")
            .user("t2")
            .merchant("m1")
            .category("misc")
            .amount("200.00")
            .method("alipay")
            .at(nov),
        pay("2b")
            .order("o22")
            .user("t2")
            .merchant("m1")
            .category("misc")
            .amount("200.00")
            .method("alipay")
            .at(nov),
        pay("2c")
            .order("o23")
            .user("t2")
            .merchant("m1")
            .category("misc")
            .amount("200.00")
            .method("alipay")
            .at(nov),
        pay("2d")
            .order("o24")
            .user("t2")
            .merchant("m1")
            .category("misc")
            .amount("200.00")
            .method("alipay")
            .at(nov),
        pay("2e")
            .order("o25")
            .user("t2")
            .merchant("m1")
            .category("misc")
            .amount("200.00")
            .method("alipay")
            .at(nov),
        pay("2f")
            .order("o25")
            .user("t2")
            .merchant("m1")
            .category("misc")
            .amount("200.00")
            .method("alipay")
            .at("2026-11-11T12:00:00+08:00"),
        // t3: 6 orders, 1009.99 paid - 10.00 refunded = 999.99 net -> C
        pay("3a")
            .order("o31")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("3b")
            .order("o32")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("3c")
            .order("o33")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("3d")
            .order("o34")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("3e")
            .order("o35")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("150.00")
            .method("alipay")
            .at(nov),
        pay("3f")
            .order("o36")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("259.99")
            .method("alipay")
            .at(nov),
        refund("3r")
            .order("o36")
            .user("t3")
            .merchant("m1")
            .category("misc")
            .amount("10.00")
            .at("2026-11-12T12:00:00+08:00"),
        // t5: one order in October -> C at the end of October
        pay("5a")
            .order("o51")
            .user("t5")
            .merchant("m1")
            .category("misc")
            .amount("50.00")
            .method("alipay")
            .at("2026-10-15T12:00:00+08:00"),
        // t9: one order in November
        pay("9a")
            .order("o91")
            .user("t9")
            .merchant("m1")
            .category("misc")
            .amount("10.00")
            .method("alipay")
            .at("2026-11-20T12:00:00+08:00"),
        // t11: an order on 2025-11-30: inside the Oct-31 window, outside the Nov-30 window
        pay("11a")
            .order("o111")
            .user("t11")
            .merchant("m1")
            .category("misc")
            .amount("20.00")
            .method("alipay")
            .at("2025-11-30T12:00:00+08:00"));
    f.given(
        "user_activity",
        activity("6a", "t6", "app", "2026-11-20T12:00:00+08:00"),
        // t11: active on 2025-12-01, the first day of the Nov-30 window (not of Dec-1's)
        activity("11b", "t11", "app", "2025-12-01T12:00:00+08:00"));
    f.given(
        "users",
        // Oct 31 snapshot: t5 not VIP, t6 VIP; t7 and t9 absent
        user("t1", "2025-01-01", false, "2026-10-31"),
        user("t2", "2025-01-01", false, "2026-10-31"),
        user("t3", "2025-01-01", false, "2026-10-31"),
        user("t5", "2024-06-01", false, "2026-10-31"),
        user("t6", "2024-06-01", true, "2026-10-31"),
        user("t8", "2020-01-01", false, "2026-10-31"),
        user("t11", "2024-01-01", false, "2026-10-31"),
        // Nov 30 snapshot: t5 VIP on, t6 VIP off; t7 registered Nov 15; t9 registered Oct 20
        user("t1", "2025-01-01", false, "2026-11-30"),
        user("t2", "2025-01-01", false, "2026-11-30"),
        user("t3", "2025-01-01", false, "2026-11-30"),
        user("t5", "2024-06-01", true, "2026-11-30"),
        user("t6", "2024-06-01", false, "2026-11-30"),
        user("t7", "2026-11-15", false, "2026-11-30"),
        user("t8", "2020-01-01", false, "2026-11-30"),
        user("t9", "2026-10-20", false, "2026-11-30"),
        user("t11", "2024-01-01", false, "2026-11-30"),
        // Dec 1 snapshot: t8 becomes VIP
        user("t1", "2025-01-01", false, "2026-12-01"),
        user("t2", "2025-01-01", false, "2026-12-01"),
        user("t3", "2025-01-01", false, "2026-12-01"),
        user("t5", "2024-06-01", true, "2026-12-01"),
        user("t6", "2024-06-01", false, "2026-12-01"),
        user("t7", "2026-11-15", false, "2026-12-01"),
        user("t8", "2020-01-01", true, "2026-12-01"),
        user("t9", "2026-10-20", false, "2026-12-01"),
        user("t11", "2024-01-01", false, "2026-12-01"));
  }

  @Test
  @Order(1)
  void novemberEndsOnItsLastDay() {
    f.run("2026-11-30", false, new StateStep(), new KpisStep());
    // End of Nov: t1 M; t2 C (5 distinct orders); t3 C (999.99); t5 V (snapshot); t6 U (VIP off,
    // active Nov 20); t7 U (registered within); t8 L; t9 C; t11 U (active 2025-12-01, first day).
    assertEquals(
        List.of("2026-11|C|3", "2026-11|L|1", "2026-11|M|1", "2026-11|U|3", "2026-11|V|1"),
        f.query("SELECT * FROM g_tier_mix"));
    // End of Oct: t1, t2, t3, t8 L (registered 2025-01-01 / 2020, nothing in the window); t5 C
    // (October order; not VIP then); t6 V; t7 NEW (registered after Oct 31); t9 absent from the
    // Oct 31 snapshot but registered Oct 20 -> U by the rules; t11 C (order 2025-11-30).
    // -> L>M t1, L>C t2 t3, C>V t5, V>U t6, NEW>U t7, L>L t8, U>C t9, C>U t11
    assertEquals(
        List.of(
            "2026-11|C|U|1",
            "2026-11|C|V|1",
            "2026-11|L|C|2",
            "2026-11|L|L|1",
            "2026-11|L|M|1",
            "2026-11|NEW|U|1",
            "2026-11|U|C|1",
            "2026-11|V|U|1"),
        f.query("SELECT * FROM g_tier_transitions"));
  }

  @Test
  @Order(2)
  void decemberEndsOnTheLatestDateRun() {
    f.run("2026-12-01", false, new StateStep(), new KpisStep());
    // End of Dec = Dec 1: t8 V (Dec 1 snapshot), t11 L (2025-12-01 left the window), others as
    // at the end of Nov: V t5 t8, M t1, C t2 t3 t9, U t6 t7, L t11.
    assertEquals(
        List.of(
            "2026-11|C|3",
            "2026-11|L|1",
            "2026-11|M|1",
            "2026-11|U|3",
            "2026-11|V|1",
            "2026-12|C|3",
            "2026-12|L|1",
            "2026-12|M|1",
            "2026-12|U|2",
            "2026-12|V|2"),
        f.query("SELECT * FROM g_tier_mix"));
    // Dec transitions from the Nov 30 tiers: M>M t1, C>C t2 t3 t9, V>V t5, U>U t6 t7, L>V t8,
    // U>L t11
    assertEquals(
        List.of(
            "2026-12|C|C|3",
            "2026-12|L|V|1",
            "2026-12|M|M|1",
            "2026-12|U|L|1",
            "2026-12|U|U|2",
            "2026-12|V|V|1"),
        f.query("SELECT * FROM g_tier_transitions WHERE month = '2026-12'"));
  }
}
