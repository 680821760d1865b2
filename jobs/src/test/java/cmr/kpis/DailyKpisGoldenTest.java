package cmr.kpis;

import static cmr.testing.Fixtures.activity;
import static cmr.testing.Fixtures.click;
import static cmr.testing.Fixtures.merchant;
import static cmr.testing.Fixtures.pay;
import static cmr.testing.Fixtures.refund;
import static cmr.testing.Fixtures.settlement;
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
 * Golden test of the daily tables on a hand-made fixture, late_days = 7, rates from conf (apparel
 * 0.05, beauty 0.04, electronics 0.015, default 0.02 for "misc"). Runs Nov 10 (the first date run),
 * Nov 11, then late events arrive and Nov 12 runs (twice), then Nov 11 is rerun. Every expected
 * value is worked out by hand in the comments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyKpisGoldenTest {
  static Fixtures f;

  @BeforeAll
  static void fixture() {
    f = new Fixtures("kpis-daily");
    f.given(
        "user_activity",
        // u1: 23:30 Shanghai on Nov 10, and 16:30Z = 00:30 Shanghai on Nov 11 -> active both days
        activity("a1", "u1", "app", "2026-11-10T23:30:00+08:00"),
        activity("a3", "u1", "app", "2026-11-10T16:30:00Z"),
        // u2: 15:59:59Z = 23:59:59 Shanghai -> Nov 10 (not Nov 11)
        activity("a2", "u2", "wechat", "2026-11-10T15:59:59Z"),
        // u3: two events at the same instant on Nov 11; first_source = smallest event_id (a4a)
        activity("a4b", "u3", "alipay", "2026-11-11T00:00:00+08:00"),
        activity("a4a", "u3", "xiaohongshu", "2026-11-11T00:00:00+08:00"));
    f.given(
        "orders",
        // Nov 10: 100.10 apparel -> commission 5.005 -> 5.01 (half-up)
        pay("p1")
            .order("o1")
            .user("u1")
            .merchant("m1")
            .category("apparel")
            .amount("100.10")
            .method("alipay")
            .at("2026-11-10T12:00:00+08:00"),
        // Nov 11: u4 only pays (active, first_source unknown); u5 only refunds (not active)
        pay("p2")
            .order("o2")
            .user("u4")
            .merchant("m2")
            .category("beauty")
            .amount("33.50")
            .method("wechat_pay")
            .at("2026-11-11T10:00:00+08:00"),
        pay("p3")
            .order("o3")
            .user("u1")
            .merchant("m1")
            .category("misc")
            .amount("0.25")
            .method("alipay")
            .at("2026-11-11T10:00:00+08:00"),
        pay("p4")
            .order("o4")
            .user("u3")
            .merchant("m1")
            .category("misc")
            .amount("0.25")
            .method("alipay")
            .at("2026-11-11T11:00:00+08:00"),
        pay("p5")
            .order("o5")
            .user("u3")
            .merchant("m3")
            .category("electronics")
            .amount("0.30")
            .method("alipay")
            .at("2026-11-11T12:00:00+08:00"),
        refund("r1")
            .order("o0")
            .user("u5")
            .merchant("m1")
            .category("apparel")
            .amount("10.00")
            .at("2026-11-11T13:00:00+08:00"));
    f.given("ad_events", click("ad1").merchant("m1").cost("2.50").at("2026-11-11T09:00:00+08:00"));
    f.given("quanzhantui_settlements", settlement("c1", "2026-11-05", "m1", "2026-11-11", "1.00"));
    f.given(
        "merchants",
        merchant("m1", "tmall", "key_account", "apparel", "2026-11-01"),
        merchant("m3", "taobao", "sme", "electronics", "2026-11-01"),
        // Nov 11's snapshot moves m3 to key_account; m2 is never in a snapshot -> unknown
        merchant("m1", "tmall", "key_account", "apparel", "2026-11-11"),
        merchant("m3", "taobao", "key_account", "electronics", "2026-11-11"));
  }

  @Test
  @Order(1)
  void firstTwoNights() {
    f.run("2026-11-10", false, new StateStep(), new KpisStep());
    f.run("2026-11-11", false, new StateStep(), new KpisStep());
    // Nov 10: active u1, u2 -> dau 2, mau 2, new 2; gmv 100.10; commission 5.01; cmr 5.01;
    //   take_rate 5.01 / 100.10 = 0.0500499500...
    // Nov 11: active u1, u3, u4 (u5 only refunded) -> dau 3; mau over Oct 13..Nov 11 = u1..u4 = 4;
    //   new u3, u4 = 2; gmv 33.50 + 0.25 + 0.25 + 0.30 = 34.30; refunds 10.00; net 24.30;
    //   commission exact 1.34 + 0.005 + 0.005 + 0.0045 - 0.50 = 0.8545 -> 0.85 (rounding each
    //   event would give 0.86); ad 2.50; compensation 1.00; cmr 2.50 + 0.85 - 1.00 = 2.35;
    //   take_rate 2.35 / 34.30 = 0.0685131195...; nothing final (latest Nov 11, late_days 7).
    assertEquals(
        List.of(
            "2026-11-10|2|2|2|100.10|0.00|100.10|0.00|5.01|0.00|5.01|0.050050|false",
            "2026-11-11|3|4|2|34.30|10.00|24.30|2.50|0.85|1.00|2.35|0.068513|false"),
        f.query(
            "SELECT date, dau, mau, new_users, gmv, refunds, net_gmv, ad_revenue, commission,"
                + " compensation, cmr, format_number(take_rate, '0.000000'), final FROM g_daily_kpis"));
    // u1 app and u2 wechat on Nov 10; u3 xiaohongshu (tie -> smallest event_id), u4 unknown on Nov
    // 11
    assertEquals(
        List.of(
            "2026-11-10|app|1",
            "2026-11-10|wechat|1",
            "2026-11-11|unknown|1",
            "2026-11-11|xiaohongshu|1"),
        f.query("SELECT * FROM g_new_users_by_source"));
  }

  @Test
  @Order(2)
  void byMerchantDimension() {
    // Nov 11 per merchant: m1 gmv 0.50, refunds 10.00, ad 2.50, commission 0.005 + 0.005 - 0.50
    //   = -0.49, compensation 1.00; m2 (no snapshot -> unknown) gmv 33.50, commission 1.34;
    //   m3 gmv 0.30, commission 0.0045 (electronics, key_account in Nov 11's snapshot, taobao).
    // apparel: cmr 2.50 - 0.49 - 1.00 = 1.01, take 1.01 / 0.50 = 2.02
    // electronics: commission round(0.0045) = 0.00, cmr 0.00, take 0.0
    // key_account = m1 + m3: gmv 0.80, commission round(-0.4855) = -0.49 (half away from zero),
    //   cmr 1.01, take 1.01 / 0.80 = 1.2625
    // Nov 10: m1 only (Nov 1 snapshot): gmv 100.10, commission 5.01, take 0.050050
    assertEquals(
        List.of(
            "2026-11-10|category_id|apparel|100.10|0.00|0.00|5.01|0.00|5.01|0.050050",
            "2026-11-10|merchant_type|tmall|100.10|0.00|0.00|5.01|0.00|5.01|0.050050",
            "2026-11-10|segment|key_account|100.10|0.00|0.00|5.01|0.00|5.01|0.050050",
            "2026-11-11|category_id|apparel|0.50|10.00|2.50|-0.49|1.00|1.01|2.020000",
            "2026-11-11|category_id|electronics|0.30|0.00|0.00|0.00|0.00|0.00|0.000000",
            "2026-11-11|category_id|unknown|33.50|0.00|0.00|1.34|0.00|1.34|0.040000",
            "2026-11-11|merchant_type|taobao|0.30|0.00|0.00|0.00|0.00|0.00|0.000000",
            "2026-11-11|merchant_type|tmall|0.50|10.00|2.50|-0.49|1.00|1.01|2.020000",
            "2026-11-11|merchant_type|unknown|33.50|0.00|0.00|1.34|0.00|1.34|0.040000",
            "2026-11-11|segment|key_account|0.80|10.00|2.50|-0.49|1.00|1.01|1.262500",
            "2026-11-11|segment|unknown|33.50|0.00|0.00|1.34|0.00|1.34|0.040000"),
        f.query(
            "SELECT date, dimension, value, gmv, refunds, ad_revenue, commission, compensation,"
                + " cmr, format_number(take_rate, '0.000000') FROM g_take_rate_by_dimension"));
  }

  @Test
  @Order(3)
  void lateEventsChangeEarlierDays() {
    f.given(
        "user_activity",
        // arrived Nov 12: u6 was active on Nov 11 (new user, app)
        activity("a6", "u6", "app", "2026-11-11T20:00:00+08:00"),
        // arrived Nov 12: u3 was already active on Nov 10, before the stored first day Nov 11
        activity("a7", "u3", "weibo", "2026-11-10T08:00:00+08:00"),
        activity("a8", "u1", "app", "2026-11-12T08:00:00+08:00"));
    f.run("2026-11-12", false, new StateStep(), new KpisStep());
    // Nov 10: u1, u2, u3 -> dau 3, mau 3, new 3 (u3 now new on Nov 10, source weibo)
    // Nov 11: u1, u3, u4, u6 -> dau 4; mau u1, u2, u3, u4, u6 = 5; new u4, u6 = 2
    // Nov 12: u1 -> dau 1; mau 5; new 0; no money -> gmv 0, take_rate NULL (not NaN)
    assertEquals(
        List.of(
            "2026-11-10|3|3|3|100.10|5.01|false",
            "2026-11-11|4|5|2|34.30|2.35|false",
            "2026-11-12|1|5|0|0.00|0.00|true"),
        f.query("SELECT date, dau, mau, new_users, gmv, cmr, take_rate IS NULL FROM g_daily_kpis"));
    assertEquals(
        List.of(
            "2026-11-10|app|1",
            "2026-11-10|wechat|1",
            "2026-11-10|weibo|1",
            "2026-11-11|app|1",
            "2026-11-11|unknown|1"),
        f.query("SELECT * FROM g_new_users_by_source"));
    // November so far (Nov 10..12, the first month: no previous month -> growth NULL):
    // mau u1, u2, u3, u4, u6 = 5; wechat_users u2 (wechat activity) + u4 (wechat_pay) = 2;
    // gmv 100.10 + 34.30 = 134.40; refunds 10.00; commission exact 5.005 + 0.8545 = 5.8595 -> 5.86;
    // cmr 2.50 + 5.86 - 1.00 = 7.36; take 7.36 / 134.40 = 0.054762; days_covered 3
    assertEquals(
        List.of(
            "2026-11|5|null|null|2|134.40|10.00|124.40|2.50|5.86|1.00|7.36|0.054762"
                + "|null|null|null|null|3|null"),
        f.query(
            "SELECT month, mau, mau_net_adds, mau_growth, wechat_users, gmv, refunds, net_gmv,"
                + " ad_revenue, commission, compensation, cmr, format_number(take_rate, '0.000000'),"
                + " gmv_mom, cmr_mom, gmv_yoy, cmr_yoy, days_covered, mau_prev_same_days FROM g_monthly_kpis"));
  }

  @Test
  @Order(4)
  void rerunsAreIdempotentAndDoNotMoveTheMonthEndBack() {
    List<String> before = snapshot();
    f.run("2026-11-12", false, new StateStep(), new KpisStep());
    assertEquals(before, snapshot());
    // a rerun of Nov 11 recomputes Nov 4..11 and November, whose end stays Nov 12 (latest run)
    f.run("2026-11-11", false, new StateStep(), new KpisStep());
    assertEquals(before, snapshot());
  }

  private static List<String> snapshot() {
    List<String> all = new java.util.ArrayList<>();
    for (String t :
        List.of(
            "daily_kpis",
            "monthly_kpis",
            "new_users_by_source",
            "take_rate_by_dimension",
            "tier_mix",
            "tier_transitions")) {
      f.query("SELECT * FROM g_" + t).forEach(r -> all.add(t + ":" + r));
    }
    return all;
  }
}
