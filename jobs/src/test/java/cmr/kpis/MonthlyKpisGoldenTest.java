package cmr.kpis;

import static cmr.testing.Fixtures.activity;
import static cmr.testing.Fixtures.click;
import static cmr.testing.Fixtures.pay;
import static cmr.testing.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.state.StateStep;
import cmr.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test of monthly_kpis across a year boundary: runs Nov 30 2026 (the first date run), Dec 31
 * and Jan 1 2027, in order. November has no GMV (take rate NULL, December's gmv_mom NULL); a
 * December order is partly refunded in January; an event at 16:30Z on Dec 31 is Jan 1 in Shanghai.
 * Rates: apparel 0.05, books 0.01, default 0.02 ("misc").
 */
class MonthlyKpisGoldenTest {
  static Fixtures f;

  @BeforeAll
  static void fixture() {
    f = new Fixtures("kpis-monthly");
    f.given(
        "ad_events",
        click("ad1").merchant("m1").cost("10.00").at("2026-11-30T10:00:00+08:00"),
        click("ad2").merchant("m1").cost("1.00").at("2027-01-01T10:00:00+08:00"));
    f.given(
        "user_activity",
        activity("a1", "v1", "app", "2026-11-30T10:00:00+08:00"),
        activity("a2", "v2", "wechat", "2026-12-30T10:00:00+08:00"),
        activity("a3", "v3", "app", "2026-12-31T16:30:00Z"));
    f.given(
        "orders",
        pay("q1")
            .order("o1")
            .user("v1")
            .merchant("m1")
            .category("apparel")
            .amount("200.00")
            .method("wechat_pay")
            .at("2026-12-30T10:00:00+08:00"),
        pay("q2")
            .order("o2")
            .user("v2")
            .merchant("m1")
            .category("misc")
            .amount("100.00")
            .method("alipay")
            .at("2026-12-31T10:00:00+08:00"),
        refund("r1")
            .order("o1")
            .user("v1")
            .merchant("m1")
            .category("apparel")
            .amount("50.00")
            .at("2027-01-01T09:00:00+08:00"),
        pay("q3")
            .order("o3")
            .user("v1")
            .merchant("m1")
            .category("books")
            .amount("300.00")
            .method("alipay")
            .at("2027-01-01T10:00:00+08:00"));
  }

  @Test
  void monthOverMonthAcrossTheYearBoundary() {
    f.run("2026-11-30", false, new StateStep(), new KpisStep());
    f.run("2026-12-31", false, new StateStep(), new KpisStep());
    f.run("2027-01-01", false, new StateStep(), new KpisStep());
    // Nov (covers Nov 30 only): mau v1 = 1; gmv 0; ad 10.00; cmr 10.00; take NULL; no previous
    //   month -> net adds, growth, MoM, prev_same_days NULL.
    // Dec (covers Dec 1..31, days_covered 31): mau v1 (pay), v2 = 2; wechat v1 (wechat_pay) + v2
    //   (wechat activity) = 2; net adds 2 - 1 = 1; growth 1 / 1 = 1.0; gmv 300.00; commission
    //   200 * 0.05 + 100 * 0.02 = 12.00; cmr 12.00; take 0.04; gmv_mom NULL (Nov gmv 0);
    //   cmr_mom (12 - 10) / 10 = 0.2; prev_same_days: Nov's first 31 covered days = Nov 30 -> 1.
    // Jan (covers Jan 1, days_covered 1): mau v1, v3 (16:30Z Dec 31 = 00:30 Jan 1) = 2; wechat 0;
    //   net adds 0; growth 0.0; gmv 300.00; refunds 50.00 (of a December order); net 250.00;
    //   ad 1.00; commission 300 * 0.01 - 50 * 0.05 = 0.50; cmr 1.50; take 1.5 / 300 = 0.005;
    //   gmv_mom (300 - 300) / 300 = 0.0; cmr_mom (1.50 - 12.00) / 12.00 = -0.875;
    //   prev_same_days: Dec 1 -> 0. No YoY anywhere (no month a year earlier).
    // Like for like from daily_kpis: Dec's same days of Nov = Nov 1..30, whose only row is Nov 30
    //   (gmv 0.00, cmr 10.00, compensation 0.00): gmv_mom_same_days NULL (0 before),
    //   cmr_mom_same_days (12 - 10) / 10 = 0.2. Nov (Oct 1) and Jan (Dec 1, never run) have no
    //   daily row in their same days: NULL; no daily row a year before: the yoy ones NULL.
    assertEquals(
        List.of(
            "2026-11|1|null|null|0|0.00|0.00|0.00|10.00|0.00|0.00|10.00|null|null|null|null|null|1|null"
                + "|null|null|null|null|null|null|null",
            "2026-12|2|1|1.0|2|300.00|0.00|300.00|0.00|12.00|0.00|12.00|0.04|null|0.2|null|null|31|1"
                + "|0.00|10.00|0.00|null|0.2|null|null",
            "2027-01|2|0|0.0|0|300.00|50.00|250.00|1.00|0.50|0.00|1.50|0.005|0.0|-0.875|null|null|1|0"
                + "|null|null|null|null|null|null|null"),
        f.query("SELECT * FROM g_monthly_kpis"));
    // latest run Jan 1, late_days 7: final = date < Dec 25 -> Nov 30 (set by the Dec 31 run) and
    // Dec 24 (became final with the Jan 1 run); Dec 25..Jan 1 can still move.
    assertEquals(
        List.of(
            "2026-11-30|true",
            "2026-12-24|true",
            "2026-12-25|false",
            "2026-12-31|false",
            "2027-01-01|false"),
        f.query(
            "SELECT date, final FROM g_daily_kpis WHERE date IN (DATE'2026-11-30', DATE'2026-12-24',"
                + " DATE'2026-12-25', DATE'2026-12-31', DATE'2027-01-01')"));
    // Jan 1: dau v1, v3 = 2; mau over Dec 3..Jan 1 = v1, v2, v3 = 3; new v3 = 1;
    // commission 3.00 - 2.50 = 0.50; cmr 1.00 + 0.50 = 1.50
    assertEquals(
        List.of("2027-01-01|2|3|1|300.00|50.00|0.50|1.50"),
        f.query(
            "SELECT date, dau, mau, new_users, gmv, refunds, commission, cmr FROM g_daily_kpis"
                + " WHERE date = DATE'2027-01-01'"));
    // 10 daily rows: Nov 30, Dec 24..31, Jan 1 (the runs' windows from the first date run)
    assertEquals(List.of("10"), f.query("SELECT count(*) FROM g_daily_kpis"));
  }
}
