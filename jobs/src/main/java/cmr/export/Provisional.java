package cmr.export;

import java.time.LocalDate;

/** The provisional days of a daily result: rows whose {@code final} flag is false. */
public final class Provisional {
  private Provisional() {}

  /** First and last date whose final column is false, or null when every day is final. */
  public static LocalDate[] range(QueryResult r, String dateCol, String finalCol) {
    int d = r.index(dateCol);
    int f = r.index(finalCol);
    LocalDate from = null;
    LocalDate to = null;
    for (Object[] row : r.rows()) {
      if (Boolean.FALSE.equals(row[f]) && row[d] != null) {
        LocalDate day = LocalDate.parse(row[d].toString());
        from = from == null || day.isBefore(from) ? day : from;
        to = to == null || day.isAfter(to) ? day : to;
      }
    }
    return from == null ? null : new LocalDate[] {from, to};
  }

  /** Number of rows whose final column is false. */
  public static int count(QueryResult r, String finalCol) {
    int f = r.index(finalCol);
    int n = 0;
    for (Object[] row : r.rows()) {
      if (Boolean.FALSE.equals(row[f])) {
        n++;
      }
    }
    return n;
  }
}
