package cmr.attribution;

import static cmr.testing.Fixtures.click;
import static cmr.testing.Fixtures.impression;
import static cmr.testing.Fixtures.pay;
import static cmr.testing.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.state.ClickState;
import cmr.state.StateStep;
import cmr.testing.Fixtures;
import cmr.testing.TestSpark;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Last-click attribution and the ROI tables on a hand-made fixture, window 15 days, late_days 1 (so
 * that three run dates exercise the click state: run 11-22 recomputes 11-21..11-22 and must take
 * the clicks of 11-20 from the state). Runs 11-20 (the first date run), 11-21, 11-22.
 */
class AttributionJobTest {
  private static Fixtures f;
  private static List<String> ccdAfterRun3;
  private static List<String> dailyAfterRun3;
  private static List<String> monthlyAfterRun3;
  private static List<String> stateAfterRun1;
  private static List<String> stateAfterRun3;

  static final String CCD =
      "date,campaign_id,channel,merchant_id,impressions,clicks,spend,"
          + "attributed_orders,attributed_gmv,roi";

  @BeforeAll
  static void runThreeDates() {
    f = new Fixtures("attribution", Map.of("ingest.late_days", "1"));
    // Arrived by 11-20.
    f.given(
        "ad_events",
        // 14 days 23 hours before P1 (11-20 12:00): inside the window.
        click("c1")
            .user("u1")
            .item("i1")
            .campaign("k1")
            .merchant("m1")
            .channel("search")
            .cost("1.00")
            .at("2026-11-05T13:00:00+08:00")
            .arrival("2026-11-05"),
        // 15 days and 1 second before P2: outside.
        click("c2")
            .user("u2")
            .item("i1")
            .campaign("k1")
            .merchant("m1")
            .channel("search")
            .cost("1.00")
            .at("2026-11-05T11:59:59+08:00")
            .arrival("2026-11-05"),
        // exactly 15 days before P3: inside (both ends included).
        click("c3")
            .user("u3")
            .item("i1")
            .campaign("k1")
            .merchant("m1")
            .channel("homepage_feed")
            .cost("1.00")
            .at("2026-11-05T12:00:00+08:00")
            .arrival("2026-11-05"),
        // two clicks at the same instant: the larger event_id c4b wins.
        click("c4a")
            .user("u4")
            .item("i2")
            .campaign("k2")
            .merchant("m2")
            .channel("display")
            .cost("0.50")
            .at("2026-11-19T10:00:00+08:00")
            .arrival("2026-11-19"),
        click("c4b")
            .user("u4")
            .item("i2")
            .campaign("k1")
            .merchant("m1")
            .channel("live")
            .cost("0.50")
            .at("2026-11-19T10:00:00+08:00")
            .arrival("2026-11-19"),
        // a click on another item (i3) than the order (i2).
        click("c5")
            .user("u5")
            .item("i3")
            .campaign("k2")
            .merchant("m2")
            .channel("search")
            .cost("2.00")
            .at("2026-11-20T08:00:00+08:00")
            .arrival("2026-11-20"),
        impression("i1")
            .user("u9")
            .item("i1")
            .campaign("k1")
            .merchant("m1")
            .channel("search")
            .cost("0.10")
            .at("2026-11-20T07:00:00+08:00")
            .arrival("2026-11-20"),
        // 00:30 in Shanghai is 11-19 16:30 UTC: event date 11-20.
        impression("i2")
            .user("u9")
            .item("i2")
            .campaign("k2")
            .merchant("m2")
            .channel("search")
            .cost("0.00")
            .at("2026-11-20T00:30:00+08:00")
            .arrival("2026-11-20"),
        // dated 11-19, before the first date run: kept in silver, no gold row.
        impression("i3")
            .user("u9")
            .item("i1")
            .campaign("k1")
            .merchant("m1")
            .channel("search")
            .cost("5.00")
            .at("2026-11-19T23:00:00+08:00")
            .arrival("2026-11-20"),
        click("c8a")
            .user("u7")
            .item("i5")
            .campaign("k3")
            .merchant("m1")
            .channel("search")
            .cost("3.00")
            .at("2026-11-20T09:00:00+08:00")
            .arrival("2026-11-20"));
    f.given(
        "orders",
        pay("p1")
            .user("u1")
            .item("i1")
            .merchant("m1")
            .amount("100.00")
            .at("2026-11-20T12:00:00+08:00")
            .arrival("2026-11-20"),
        pay("p2")
            .user("u2")
            .item("i1")
            .merchant("m1")
            .amount("200.00")
            .at("2026-11-20T12:00:00+08:00")
            .arrival("2026-11-20"),
        pay("p3")
            .user("u3")
            .item("i1")
            .merchant("m1")
            .amount("40.00")
            .at("2026-11-20T12:00:00+08:00")
            .arrival("2026-11-20"),
        pay("p4")
            .user("u4")
            .item("i2")
            .merchant("m2")
            .amount("50.00")
            .at("2026-11-20T20:00:00+08:00")
            .arrival("2026-11-20"),
        pay("p5")
            .user("u5")
            .item("i2")
            .merchant("m2")
            .amount("30.00")
            .at("2026-11-20T09:00:00+08:00")
            .arrival("2026-11-20"),
        // no click at all.
        pay("p6")
            .user("u6")
            .item("i4")
            .merchant("m3")
            .amount("70.00")
            .at("2026-11-20T10:00:00+08:00")
            .arrival("2026-11-20"),
        // refunds never reduce attributed GMV.
        refund("r1")
            .user("u1")
            .item("i1")
            .merchant("m1")
            .amount("100.00")
            .at("2026-11-20T15:00:00+08:00")
            .arrival("2026-11-20"));
    f.run("2026-11-20", false, new StateStep(), new AttributionStep());
    stateAfterRun1 = state();

    // Arrived on 11-21: the latest click of (u7, i5) and an order after it.
    f.given(
        "ad_events",
        click("c8b")
            .user("u7")
            .item("i5")
            .campaign("k3")
            .merchant("m1")
            .channel("live")
            .cost("4.00")
            .at("2026-11-21T11:00:00+08:00")
            .arrival("2026-11-21"));
    f.given(
        "orders",
        pay("p9")
            .user("u7")
            .item("i5")
            .merchant("m1")
            .amount("25.00")
            .at("2026-11-21T12:00:00+08:00")
            .arrival("2026-11-21"));
    f.run("2026-11-21", false, new StateStep(), new AttributionStep());

    // Arrived on 11-22, a day late: an order placed before c8b, so it needs c8a (dated 11-20,
    // outside 11-21..11-22, read from the state).
    f.given(
        "orders",
        pay("p8")
            .user("u7")
            .item("i5")
            .merchant("m1")
            .amount("80.00")
            .at("2026-11-21T10:00:00+08:00")
            .arrival("2026-11-22"));
    f.run("2026-11-22", false, new StateStep(), new AttributionStep());
    ccdAfterRun3 = f.gold("campaign_channel_daily", CCD);
    dailyAfterRun3 =
        f.gold("merchant_roi_daily", "date,merchant_id,spend,attributed_orders,attributed_gmv,roi");
    monthlyAfterRun3 =
        f.gold(
            "merchant_roi_monthly", "month,merchant_id,spend,attributed_orders,attributed_gmv,roi");
    stateAfterRun3 = state();
  }

  private static List<String> state() {
    return TestSpark.rows(
        TestSpark.spark()
            .read()
            .format("delta")
            .load(f.wh.state(ClickState.NAME))
            .select("event_id"));
  }

  @Test
  void campaignChannelDaily() {
    assertEquals(
        List.of(
            // 11-19 rows (c4a, c4b, i3) are before the first date run: none.
            // k1 search: impression i1 (0.10); p1 via c1 (14d23h): 1 order, 100.00; roi 100/0.10.
            "2026-11-20|k1|homepage_feed|m1|0|0|0.00|1|40.00|null", // p3 via c3 (exactly 15 d)
            "2026-11-20|k1|live|m1|0|0|0.00|1|50.00|null", // p4 via c4b (tie, larger id)
            "2026-11-20|k1|search|m1|1|0|0.10|1|100.00|1000.0",
            // k2 search: i2 (0.00) + c5 (2.00); p5 bought i2, c5 was on i3: nothing attributed.
            "2026-11-20|k2|search|m2|1|1|2.00|0|0.00|0.0",
            "2026-11-20|k3|search|m1|0|1|3.00|0|0.00|0.0", // c8a
            // p9 via c8b: 25.00 / 4.00 = 6.25
            "2026-11-21|k3|live|m1|0|1|4.00|1|25.00|6.25",
            // late p8 (11-21 10:00, before c8b at 11:00) goes to c8a, 24 h earlier.
            "2026-11-21|k3|search|m1|0|0|0.00|1|80.00|null"),
        ccdAfterRun3);
  }

  @Test
  void merchantRollUps() {
    assertEquals(
        List.of(
            // m1 11-20: spend 0.10 + 3.00 = 3.10; orders p1, p3, p4 = 3; gmv 100 + 40 + 50 =
            // 190.00;
            // roi 190 / 3.1
            "2026-11-20|m1|3.10|3|190.00|" + (190.0 / 3.1),
            "2026-11-20|m2|2.00|0|0.00|0.0",
            // m1 11-21: spend 4.00; p8 + p9 = 80 + 25 = 105.00; roi 26.25
            "2026-11-21|m1|4.00|2|105.00|26.25"),
        dailyAfterRun3);
    assertEquals(
        List.of(
            // m1: spend 3.10 + 4.00 = 7.10, orders 5, gmv 295.00, roi 295 / 7.1
            "2026-11|m1|7.10|5|295.00|" + (295.0 / 7.1), "2026-11|m2|2.00|0|0.00|0.0"),
        monthlyAfterRun3);
  }

  @Test
  void clickStateKeepsWindowPlusLateDaysOfClicks() {
    // Run 11-20 seeds from 11-20 - 1 - 15 = 11-04: every click.
    assertEquals(List.of("c1", "c2", "c3", "c4a", "c4b", "c5", "c8a"), stateAfterRun1);
    // Run 11-22 keeps from 11-22 - 16 = 11-06: the 11-05 clicks are dropped; c8a (11-20) is kept
    // although c8b is the latest click of (u7, i5).
    assertEquals(List.of("c4a", "c4b", "c5", "c8a", "c8b"), stateAfterRun3);
  }

  @Test
  void rerunsChangeNothing() {
    // The latest date again, then an older date whose window the state no longer covers.
    f.run("2026-11-22", false, new StateStep(), new AttributionStep());
    assertEquals(ccdAfterRun3, f.gold("campaign_channel_daily", CCD));
    f.run("2026-11-21", false, new StateStep(), new AttributionStep());
    assertEquals(ccdAfterRun3, f.gold("campaign_channel_daily", CCD));
    assertEquals(
        dailyAfterRun3,
        f.gold(
            "merchant_roi_daily", "date,merchant_id,spend,attributed_orders,attributed_gmv,roi"));
    assertEquals(
        monthlyAfterRun3,
        f.gold(
            "merchant_roi_monthly",
            "month,merchant_id,spend,attributed_orders,attributed_gmv,roi"));
    assertEquals(stateAfterRun3, state());
  }
}
