package cmr.state;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The days one month row of {@code monthly_kpis} covers, and the earlier months it is compared
 * with.
 *
 * @param month the month
 * @param end the end of the month: its last day, or the latest date run when earlier
 * @param coverStart first covered day: the month's first day, or the first date run if later
 * @param daysCovered days from {@code coverStart} to {@code end}, both included
 * @param prevEnd last day of the previous month (the "end of M-1" of the tier rules)
 * @param prevSameStart first day of the previous month
 * @param prevSameEnd the {@code daysCovered}-th day of the previous month (capped at its end)
 * @param yoySameStart first day of the same month a year before
 * @param yoySameEnd the {@code daysCovered}-th day of the month a year before (capped at its end)
 */
public record MonthWindow(
    YearMonth month,
    LocalDate end,
    LocalDate coverStart,
    long daysCovered,
    LocalDate prevEnd,
    LocalDate prevSameStart,
    LocalDate prevSameEnd,
    LocalDate yoySameStart,
    LocalDate yoySameEnd) {

  /** The month as in the gold tables, {@code YYYY-MM}. */
  public String key() {
    return month.toString();
  }

  public YearMonth prev() {
    return month.minusMonths(1);
  }

  public YearMonth yearBefore() {
    return month.minusYears(1);
  }
}
