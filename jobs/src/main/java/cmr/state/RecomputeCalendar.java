package cmr.state;

import cmr.step.RunCalendar;
import cmr.step.RunContext;
import cmr.warehouse.NamedRow;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which dates and months a KPI run for {@code runDate} recomputes (SPEC §2 "Late data").
 *
 * <p>{@code first} and {@code latest} are the first and latest dates run so far ({@link
 * cmr.step.RunCalendar}, this run included). State is recomputed for event dates {@code
 * recomputeFrom .. runDate} (run date - late_days, or a backfill's whole range); gold rows for the
 * same dates from {@code first} on (reporting starts on the first date run), and for the months
 * containing them. Pure value; no I/O.
 */
public record RecomputeCalendar(
    LocalDate runDate,
    LocalDate recomputeFrom,
    LocalDate first,
    LocalDate latest,
    int lateDays,
    List<MonthWindow> months) {

  public static final StructType MONTHS_SCHEMA =
      new StructType()
          .add("month", DataTypes.StringType, false)
          .add("month_end", DataTypes.DateType, false)
          .add("cover_start", DataTypes.DateType, false)
          .add("days_covered", DataTypes.LongType, false)
          .add("prev_month", DataTypes.StringType, false)
          .add("prev_end", DataTypes.DateType, false)
          .add("prev_same_start", DataTypes.DateType, false)
          .add("prev_same_end", DataTypes.DateType, false)
          .add("yoy_month", DataTypes.StringType, false)
          .add("yoy_same_start", DataTypes.DateType, false)
          .add("yoy_same_end", DataTypes.DateType, false);

  /** The calendar of the run of {@code ctx}, from the dates run so far ({@link RunCalendar}). */
  public static RecomputeCalendar of(RunContext ctx) {
    RunCalendar runs = RunCalendar.of(ctx);
    return of(
        ctx.runDate(),
        ctx.recomputeFrom(),
        runs.firstRunDate(),
        runs.latestRunDate(),
        ctx.cfg().ingest().lateDays());
  }

  /** The calendar of a nightly run; {@code firstRun}, {@code latestRun} may be null (none yet). */
  public static RecomputeCalendar of(
      LocalDate runDate, LocalDate firstRun, LocalDate latestRun, int lateDays) {
    return of(runDate, runDate.minusDays(lateDays), firstRun, latestRun, lateDays);
  }

  /** The calendar of a run that recomputes event dates {@code recomputeFrom .. runDate}. */
  public static RecomputeCalendar of(
      LocalDate runDate,
      LocalDate recomputeFrom,
      LocalDate firstRun,
      LocalDate latestRun,
      int lateDays) {
    LocalDate first = firstRun == null || runDate.isBefore(firstRun) ? runDate : firstRun;
    LocalDate latest = latestRun == null || runDate.isAfter(latestRun) ? runDate : latestRun;
    LocalDate goldFrom = max(first, recomputeFrom);
    List<MonthWindow> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(goldFrom);
        !m.isAfter(YearMonth.from(runDate));
        m = m.plusMonths(1)) {
      months.add(window(m, first, latest));
    }
    return new RecomputeCalendar(
        runDate, recomputeFrom, first, latest, lateDays, List.copyOf(months));
  }

  static MonthWindow window(YearMonth m, LocalDate first, LocalDate latest) {
    LocalDate end = min(m.atEndOfMonth(), latest);
    LocalDate coverStart = max(m.atDay(1), first);
    long days = ChronoUnit.DAYS.between(coverStart, end) + 1;
    // SPEC §3: "the first days_covered days of M-1", calendar days 1..days_covered of M-1
    // (capped at its last day), read from silver like the trailing MAU window, so also when
    // M-1 is the first month run and began later than its 1st
    YearMonth p = m.minusMonths(1);
    YearMonth y = m.minusYears(1);
    return new MonthWindow(
        m,
        end,
        coverStart,
        days,
        p.atEndOfMonth(),
        p.atDay(1),
        firstDays(p, days),
        y.atDay(1),
        firstDays(y, days));
  }

  /** The {@code days}-th day of {@code m}, capped at its last day. */
  private static LocalDate firstDays(YearMonth m, long days) {
    return min(m.atDay(1).plusDays(days - 1), m.atEndOfMonth());
  }

  /** First event date whose state (per user / per merchant day) this run recomputes. */
  public LocalDate stateFrom() {
    return recomputeFrom;
  }

  /** First date of the gold daily rows this run writes (never before the first date run). */
  public LocalDate goldFrom() {
    return max(first, stateFrom());
  }

  /** Daily rows dated before this are final: more than lateDays before the latest date run. */
  public LocalDate finalBefore() {
    return latest.minusDays(lateDays);
  }

  public List<String> monthKeys() {
    return months.stream().map(MonthWindow::key).toList();
  }

  /** The recomputed months as the temp-view rows the monthly SQL reads. */
  public Dataset<Row> monthsFrame(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (MonthWindow w : months) {
      rows.add(
          NamedRow.of(MONTHS_SCHEMA)
              .set("month", w.key())
              .set("month_end", Date.valueOf(w.end()))
              .set("cover_start", Date.valueOf(w.coverStart()))
              .set("days_covered", w.daysCovered())
              .set("prev_month", w.prev().toString())
              .set("prev_end", Date.valueOf(w.prevEnd()))
              .set("prev_same_start", Date.valueOf(w.prevSameStart()))
              .set("prev_same_end", Date.valueOf(w.prevSameEnd()))
              .set("yoy_month", w.yearBefore().toString())
              .set("yoy_same_start", Date.valueOf(w.yoySameStart()))
              .set("yoy_same_end", Date.valueOf(w.yoySameEnd()))
              .row());
    }
    return spark.createDataFrame(rows, MONTHS_SCHEMA);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
