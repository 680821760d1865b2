package cmr.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@code backfill --resume} asks the run log (which dates of a range a step finished), and
 * what attribution and settlement ask it (the latest date a step succeeded, before a date).
 */
class RunLogTest {
  @Test
  void succeededDatesAreTheRangesDatesWithASucceededRunOfThatJob() {
    Warehouse wh = new Warehouse(TestSpark.tempDir("runlog").resolve("warehouse").toString());
    RunLog log = new RunLog(TestSpark.spark(), wh);
    LocalDate d1 = LocalDate.of(2026, 10, 1);
    assertEquals(Set.of(), log.succeededDates("silver", d1, d1.plusDays(5)), "no log yet");
    Instant t = Instant.parse("2026-10-02T00:00:00Z");
    StepResult r = StepResult.of(1, 1, "test");
    log.recordAll(
        List.of(
            RunLog.entry("a", d1, "silver", "succeeded", t, t, r, null),
            RunLog.entry("a", d1.plusDays(1), "silver", "failed", t, t, null, "boom"),
            RunLog.entry("b", d1.plusDays(1), "ingest", "succeeded", t, t, r, null),
            RunLog.entry("b", d1.plusDays(2), "silver", "failed", t, t, null, "boom"),
            RunLog.entry("c", d1.plusDays(2), "silver", "succeeded", t, t, r, null),
            RunLog.entry("c", d1.plusDays(2), "silver", "succeeded", t, t, r, null),
            RunLog.entry("d", d1.plusDays(9), "silver", "succeeded", t, t, r, null)));
    // d1+1: only failed silver (and another job); d1+2: failed once, then succeeded twice;
    // d1+9: outside the range.
    assertEquals(Set.of(d1, d1.plusDays(2)), log.succeededDates("silver", d1, d1.plusDays(5)));
    assertEquals(Set.of(d1.plusDays(1)), log.succeededDates("ingest", d1, d1.plusDays(5)));
    assertEquals(
        Set.of(d1.plusDays(9)), log.succeededDates("silver", d1.plusDays(9), d1.plusDays(9)));
    // what attribution and settlement ask: the latest succeeded date, overall and before a date
    assertEquals(Optional.of(d1.plusDays(9)), log.latestSucceeded("silver"));
    assertEquals(Optional.of(d1.plusDays(2)), log.latestSucceededBefore("silver", d1.plusDays(9)));
    assertEquals(Optional.of(d1), log.latestSucceededBefore("silver", d1.plusDays(2)));
    assertEquals(Optional.empty(), log.latestSucceededBefore("silver", d1));
    assertEquals(Optional.empty(), log.latestSucceeded("settlement"));
  }
}
