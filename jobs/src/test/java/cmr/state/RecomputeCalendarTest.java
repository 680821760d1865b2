package cmr.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run calendar (no Spark): recomputed dates and months, month ends, days covered. */
class RecomputeCalendarTest {
  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void firstRunReportsFromItself() {
    RecomputeCalendar c = RecomputeCalendar.of(d("2026-11-10"), null, null, 7);
    assertEquals(d("2026-11-03"), c.stateFrom());
    assertEquals(d("2026-11-10"), c.goldFrom());
    assertEquals(List.of("2026-11"), c.monthKeys());
    MonthWindow w = c.months().get(0);
    // covers Nov 10..10: 1 day; previous month Oct: covered days start Nov 10 (after Oct) -> empty
    assertEquals(d("2026-11-10"), w.end());
    assertEquals(1, w.daysCovered());
    assertEquals(d("2026-10-31"), w.prevEnd());
  }

  @Test
  void windowAcrossAMonthAndARerunDoesNotMoveTheEndBack() {
    // latest run Dec 20; rerun of Dec 3 recomputes Nov 26..Dec 3 -> months Nov and Dec
    RecomputeCalendar c =
        RecomputeCalendar.of(d("2026-12-03"), d("2026-11-01"), d("2026-12-20"), 7);
    assertEquals(List.of("2026-11", "2026-12"), c.monthKeys());
    assertEquals(d("2026-11-30"), c.months().get(0).end());
    assertEquals(30, c.months().get(0).daysCovered());
    // December's end stays the latest date run, Dec 20: 20 days covered
    assertEquals(d("2026-12-20"), c.months().get(1).end());
    assertEquals(20, c.months().get(1).daysCovered());
    // prev same days for Dec: Nov 1..20
    assertEquals(d("2026-11-01"), c.months().get(1).prevSameStart());
    assertEquals(d("2026-11-20"), c.months().get(1).prevSameEnd());
    // and a year before: Dec 1..20 2025
    assertEquals(d("2025-12-01"), c.months().get(1).yoySameStart());
    assertEquals(d("2025-12-20"), c.months().get(1).yoySameEnd());
    // final: dates before Dec 20 - 7 = Dec 13
    assertEquals(d("2026-12-13"), c.finalBefore());
  }

  @Test
  void prevSameDaysAreTheFirstCalendarDaysOfTheMonthBeforeEvenWhenItsRunBeganLater() {
    // first run Nov 15, run Dec 5: December covers Dec 1..5 (5 days); SPEC §3 compares with
    // "the first days_covered days of M-1": Nov 1..5, not the first 5 days run (Nov 15..19)
    RecomputeCalendar c =
        RecomputeCalendar.of(d("2026-12-05"), d("2026-11-15"), d("2026-12-05"), 7);
    MonthWindow dec = c.months().get(c.months().size() - 1);
    assertEquals("2026-12", dec.key());
    assertEquals(5, dec.daysCovered());
    assertEquals(d("2026-11-01"), dec.prevSameStart());
    assertEquals(d("2026-11-05"), dec.prevSameEnd());
    // and November itself, the first month, covers Nov 15..30 (16 days)
    MonthWindow nov = c.months().get(0);
    assertEquals("2026-11", nov.key());
    assertEquals(d("2026-11-15"), nov.coverStart());
    assertEquals(16, nov.daysCovered());
  }

  @Test
  void prevSameDaysAreCappedAtTheEndOfAShorterMonth() {
    // Mar 31 with 31 days covered: February 2027 has 28 days -> Feb 1..28
    RecomputeCalendar c =
        RecomputeCalendar.of(d("2027-03-31"), d("2027-01-01"), d("2027-03-30"), 7);
    MonthWindow w = c.months().get(0);
    assertEquals(31, w.daysCovered());
    assertEquals(d("2027-02-28"), w.prevSameEnd());
    assertEquals("2026-03", w.yearBefore().toString());
  }

  @Test
  void yoySameDaysAreCappedAtTheEndOfALeapYearFebruary() {
    // Feb 29 2028 with 29 days covered; February 2027 has 28 days -> Feb 1..28 2027
    RecomputeCalendar c =
        RecomputeCalendar.of(d("2028-02-29"), d("2028-01-01"), d("2028-02-29"), 7);
    MonthWindow feb = c.months().get(c.months().size() - 1);
    assertEquals(29, feb.daysCovered());
    assertEquals(d("2028-01-29"), feb.prevSameEnd());
    assertEquals(d("2027-02-01"), feb.yoySameStart());
    assertEquals(d("2027-02-28"), feb.yoySameEnd());
  }
}
