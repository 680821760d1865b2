package cmr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * A set of arrival days as the predicate of an atomic slice replacement ({@code replaceWhere}) and
 * as a filter. The text is built from typed dates only, never from user input.
 */
public record DaySlice(List<LocalDate> days) {
  public DaySlice {
    days = List.copyOf(days);
  }

  public static DaySlice range(LocalDate from, LocalDate to) {
    return new DaySlice(from.datesUntil(to.plusDays(1)).toList());
  }

  /** {@code column IN (DATE'..', ...)}, or {@code false} when empty. */
  public String predicate(String column) {
    if (days.isEmpty()) {
      return "false";
    }
    return column
        + " IN ("
        + days.stream().map(d -> "DATE'" + d + "'").collect(Collectors.joining(", "))
        + ")";
  }

  public Column filter(String column) {
    return days.isEmpty()
        ? lit(false)
        : col(column).isin(days.stream().map(java.sql.Date::valueOf).toArray());
  }
}
