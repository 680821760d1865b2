package cmr.settlement;

import static cmr.testing.Fixtures.campaign;
import static cmr.testing.Fixtures.click;
import static cmr.testing.Fixtures.impression;
import static cmr.testing.Fixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.attribution.AttributionStep;
import cmr.state.StateStep;
import cmr.testing.Exercises;
import cmr.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole-site promotion settlement on a hand-made fixture (defaults: 7-day cycles, lag 1, min spend
 * 100.00, 6 active days, target cap 15, late_days 7). Every campaign starts 11-01, so cycle 0 is
 * [11-01, 11-07] with settling date 11-08, the first date run. Runs: 11-08, 11-09 (later arrivals
 * and a new campaigns snapshot), then 11-08 again.
 */
@Exercises({"settlement/merchant_export_lines"})
class SettlementJobTest {
  private static Fixtures f;
  private static List<String> afterFirstRun;
  private static List<String> afterSecondRun;
  private static List<String> afterRerun;
  private static String m1Export;
  private static String m2Export;
  private static List<String> exportFiles;

  static final String COLS =
      "campaign_id,cycle_start,merchant_id,cycle_end,spend,attributed_gmv,"
          + "active_days,target_roi,roi,attainment,eligible,compensation";

  @BeforeAll
  static void run() throws IOException {
    f = new Fixtures("settlement", Map.of());
    f.given(
        "campaigns",
        campaign("qA", "m1", "quanzhantui", "2.0", "2026-11-01", null, "2026-11-01"),
        campaign("qB", "m1", "quanzhantui", "4.0", "2026-11-01", null, "2026-11-01"),
        campaign("qC", "m2", "quanzhantui", "2.0", "2026-11-01", null, "2026-11-01"),
        campaign("qD", "m2", "quanzhantui", "15.00001", "2026-11-01", null, "2026-11-01"),
        campaign("qE", "m3", "quanzhantui", "2.0", "2026-11-01", "2026-11-03", "2026-11-01"),
        campaign("qG", "m3", "quanzhantui", "3.0", "2026-10-20", null, "2026-11-01"),
        campaign("k9", "m1", "search_cpc", null, "2026-11-01", null, "2026-11-01"));
    for (int day = 1; day <= 7; day++) {
      String t = "2026-11-0" + day + "T10:00:00+08:00";
      String dt = "2026-11-0" + day;
      if (day <= 6) { // qA: 6 days x 25.00 = 150.00
        f.given(
            "ad_events",
            impression("a" + day)
                .user("x")
                .item("iA")
                .campaign("qA")
                .merchant("m1")
                .channel("search")
                .cost("25.00")
                .at(t)
                .arrival(dt));
      }
      // qB: 6 x 10.00 + 40.00 = 100.00 over 7 days
      f.given(
          "ad_events",
          impression("b" + day)
              .user("x")
              .item("iB")
              .campaign("qB")
              .merchant("m1")
              .channel("search")
              .cost(day == 7 ? "40.00" : "10.00")
              .at(t)
              .arrival(dt));
      if (day <= 5) { // qC: 5 days x 100.00 = 500.00
        f.given(
            "ad_events",
            impression("c" + day)
                .user("x")
                .item("iC")
                .campaign("qC")
                .merchant("m2")
                .channel("search")
                .cost("100.00")
                .at(t)
                .arrival(dt));
      }
      // qD: 6 x 30.00 + 20.00 = 200.00 over 7 days
      f.given(
          "ad_events",
          impression("d" + day)
              .user("x")
              .item("iD")
              .campaign("qD")
              .merchant("m2")
              .channel("search")
              .cost(day == 7 ? "20.00" : "30.00")
              .at(t)
              .arrival(dt));
    }
    f.given(
        "ad_events",
        click("ca")
            .user("uA")
            .item("iA")
            .campaign("qA")
            .merchant("m1")
            .channel("live")
            .cost("0.00")
            .at("2026-11-02T10:00:00+08:00")
            .arrival("2026-11-02"),
        click("cb")
            .user("uB")
            .item("iB")
            .campaign("qB")
            .merchant("m1")
            .channel("search")
            .cost("0.00")
            .at("2026-11-04T10:00:00+08:00")
            .arrival("2026-11-04"),
        click("cc")
            .user("uC")
            .item("iC")
            .campaign("qC")
            .merchant("m2")
            .channel("search")
            .cost("0.00")
            .at("2026-11-01T10:00:00+08:00")
            .arrival("2026-11-01"),
        // after the first date run, for the export
        impression("a8")
            .user("x")
            .item("iA")
            .campaign("qA")
            .merchant("m1")
            .channel("search")
            .cost("5.00")
            .at("2026-11-08T08:00:00+08:00")
            .arrival("2026-11-08"),
        click("ca2")
            .user("uA")
            .item("iA")
            .campaign("qA")
            .merchant("m1")
            .channel("live")
            .cost("1.00")
            .at("2026-11-08T09:00:00+08:00")
            .arrival("2026-11-08"));
    f.given(
        "orders",
        pay("pa")
            .user("uA")
            .item("iA")
            .merchant("m1")
            .amount("100.03")
            .at("2026-11-03T10:00:00+08:00")
            .arrival("2026-11-03"),
        pay("pb")
            .user("uB")
            .item("iB")
            .merchant("m1")
            .amount("200.00")
            .at("2026-11-05T10:00:00+08:00")
            .arrival("2026-11-05"),
        pay("pc")
            .user("uC")
            .item("iC")
            .merchant("m2")
            .amount("100.00")
            .at("2026-11-02T10:00:00+08:00")
            .arrival("2026-11-02"),
        pay("pa2")
            .user("uA")
            .item("iA")
            .merchant("m1")
            .amount("12.34")
            .at("2026-11-08T12:00:00+08:00")
            .arrival("2026-11-08"));
    f.run("2026-11-08", true, new StateStep(), new AttributionStep(), new SettlementStep());
    afterFirstRun = f.gold("quanzhantui_settlements", COLS);

    // Arrived on 11-09, after the settling date 11-08 of cycle 0: must not change it.
    f.given(
        "ad_events",
        impression("b8")
            .user("x")
            .item("iB")
            .campaign("qB")
            .merchant("m1")
            .channel("search")
            .cost("50.00")
            .at("2026-11-07T11:00:00+08:00")
            .arrival("2026-11-09"),
        // a later click on (uC, iC) before pc: would take pc from qC to qD if it counted.
        click("cc2")
            .user("uC")
            .item("iC")
            .campaign("qD")
            .merchant("m2")
            .channel("search")
            .cost("0.00")
            .at("2026-11-02T09:00:00+08:00")
            .arrival("2026-11-09"));
    f.given(
        "orders",
        pay("pb2")
            .user("uB")
            .item("iB")
            .merchant("m1")
            .amount("30.00")
            .at("2026-11-06T10:00:00+08:00")
            .arrival("2026-11-09"));
    f.given(
        "campaigns",
        campaign("qA", "m1", "quanzhantui", "3.0", "2026-11-01", null, "2026-11-09"),
        campaign("qB", "m1", "quanzhantui", "4.0", "2026-11-01", null, "2026-11-09"),
        campaign("qC", "m2", "quanzhantui", "2.0", "2026-11-01", null, "2026-11-09"),
        campaign("qD", "m2", "quanzhantui", "15.00001", "2026-11-01", null, "2026-11-09"),
        campaign("qE", "m3", "quanzhantui", "2.0", "2026-11-01", "2026-11-03", "2026-11-09"),
        campaign("qG", "m3", "quanzhantui", "3.0", "2026-10-20", null, "2026-11-09"));
    f.run("2026-11-09", true, new StateStep(), new AttributionStep(), new SettlementStep());
    afterSecondRun = f.gold("quanzhantui_settlements", COLS);
    Path dir = f.cfg.paths().exportsFolder().resolve("merchants").resolve("2026-11");
    m1Export = Files.readString(dir.resolve("m1.csv"), StandardCharsets.UTF_8);
    m2Export = Files.readString(dir.resolve("m2.csv"), StandardCharsets.UTF_8);
    try (Stream<Path> files = Stream.concat(Files.list(dir.getParent()), Files.list(dir))) {
      exportFiles = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    f.run("2026-11-08", false, new StateStep(), new AttributionStep(), new SettlementStep());
    afterRerun = f.gold("quanzhantui_settlements", COLS);
  }

  static final List<String> EXPECTED =
      List.of(
          // spend 150.00 on 6 days; gmv pa 100.03 via ca; roi 100.03/150, attainment roi/2;
          // compensation 150.00 - 100.03/2 = 150.00 - 50.015 = 99.985 -> half-up 99.99
          "qA|2026-11-01|m1|2026-11-07|150.00|100.03|6|2.0|"
              + (100.03 / 150.0)
              + "|"
              + (100.03 / 150.0 / 2.0)
              + "|true|99.99",
          // exactly the spend minimum 100.00 on 7 days; gmv pb 200.00; 100.00 - 200.00/4 = 50.00
          "qB|2026-11-01|m1|2026-11-07|100.00|200.00|7|4.0|2.0|0.5|true|50.00",
          // 500.00 but only 5 active days: not eligible (would be 500 - 50 = 450)
          "qC|2026-11-01|m2|2026-11-07|500.00|100.00|5|2.0|0.2|0.1|false|0.00",
          // target 15.00001, just above the cap 15: not eligible (rounded to 4 decimals it would be
          // 15.0000, eligible, and owed the whole 200.00)
          "qD|2026-11-01|m2|2026-11-07|200.00|0.00|7|15.00001|0.0|0.0|false|0.00",
          // cut short (ends 11-03) with no events: a row with zero spend, roi NULL
          "qE|2026-11-01|m3|2026-11-07|0.00|0.00|0|2.0|null|null|false|0.00");

  // qG started 10-20: its cycles settling 10-27 and 11-03 fell due before the first date run
  // (not settled), the next settles 11-10; k9 is not a whole-site promotion.

  @Test
  void settlesCycleZeroOnTheSettlingDate() {
    assertEquals(EXPECTED, afterFirstRun);
  }

  @Test
  void laterArrivalsAndSnapshotsDoNotChangeASettledCycle() {
    assertEquals(EXPECTED, afterSecondRun);
  }

  @Test
  void rerunOfTheSettlingDateReproducesIt() {
    assertEquals(EXPECTED, afterRerun);
  }

  @Test
  void merchantCsvExport() {
    // November so far for m1: 11-08 qA search impression 5.00; live click ca2 1.00 with pa2
    // 12.34 (roi 12.34); total 6.00, roi 12.34/6 = 2.05666 -> 2.0567; compensation of the cycles
    // ending in November: 99.99 + 50.00 = 149.99.
    assertEquals(
        "month,merchant_id,channel,spend,attributed_orders,attributed_gmv,roi,compensation\r\n"
            + "2026-11,m1,live,1.00,1,12.34,12.3400,\r\n"
            + "2026-11,m1,search,5.00,0,0.00,0.0000,\r\n"
            + "2026-11,m1,all,6.00,1,12.34,2.0567,149.99\r\n",
        m1Export);
    assertEquals(
        "month,merchant_id,channel,spend,attributed_orders,attributed_gmv,roi,compensation\r\n"
            + "2026-11,m2,all,0.00,0,0.00,,0.00\r\n",
        m2Export);
    // one file per merchant with rows in November (m3: its zero-spend qE cycle), nothing else
    assertEquals(
        List.of("2026-11", "_exported_through", "m1.csv", "m2.csv", "m3.csv"), exportFiles);
  }
}
