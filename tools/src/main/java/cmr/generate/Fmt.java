package cmr.generate;

import java.time.LocalDate;

/**
 * Allocation-light text formatting for the hot loops: ISO-8601 timestamps with an offset, money
 * with two decimals, dates. Event times are kept as (Asia/Shanghai local day, second of day,
 * millis) and rendered either as local time with {@code +08:00} or as UTC with {@code Z}.
 */
final class Fmt {
  static final int SHANGHAI_OFFSET_SECONDS = 8 * 3600;

  /** Marker for a field that is absent from the record (omitted in JSON, empty in CSV). */
  static final String ABSENT = new String("<absent>");

  private final long baseDay;
  private final String[] dates;

  /** Caches date strings for days in [firstDay - 2400, lastDay + 400]. */
  Fmt(long firstDay, long lastDay) {
    this.baseDay = firstDay - 2400;
    this.dates = new String[(int) (lastDay - firstDay) + 2801];
  }

  String date(long epochDay) {
    int i = (int) (epochDay - baseDay);
    if (i < 0 || i >= dates.length) {
      return LocalDate.ofEpochDay(epochDay).toString();
    }
    String s = dates[i];
    if (s == null) {
      s = LocalDate.ofEpochDay(epochDay).toString();
      dates[i] = s;
    }
    return s;
  }

  /**
   * An instant given as Shanghai local {@code day} and {@code secondOfDay} (may be outside [0,
   * 86400), it is normalised), rendered with {@code +08:00} or, when {@code zulu}, in UTC with
   * {@code Z}; {@code millis < 0} means no fraction.
   */
  String time(long day, int secondOfDay, int millis, boolean zulu) {
    return render(day, secondOfDay, millis, zulu ? 'Z' : '+');
  }

  /** The same instant as local Shanghai time without any offset (a {@code bad_time}). */
  String timeWithoutOffset(long day, int secondOfDay, boolean space) {
    return render(day, secondOfDay, -1, space ? ' ' : 'n');
  }

  private String render(long day, int sec, int millis, char mode) {
    if (mode == 'Z') {
      sec -= SHANGHAI_OFFSET_SECONDS;
    }
    while (sec < 0) {
      sec += 86400;
      day--;
    }
    while (sec >= 86400) {
      sec -= 86400;
      day++;
    }
    String d = date(day);
    char[] c = new char[40];
    int p = 0;
    for (int i = 0; i < d.length(); i++) {
      c[p++] = d.charAt(i);
    }
    c[p++] = mode == ' ' ? ' ' : 'T';
    p = two(c, p, sec / 3600);
    c[p++] = ':';
    p = two(c, p, (sec / 60) % 60);
    c[p++] = ':';
    p = two(c, p, sec % 60);
    if (millis >= 0) {
      c[p++] = '.';
      c[p++] = (char) ('0' + millis / 100);
      c[p++] = (char) ('0' + (millis / 10) % 10);
      c[p++] = (char) ('0' + millis % 10);
    }
    if (mode == 'Z') {
      c[p++] = 'Z';
    } else if (mode == '+') {
      c[p++] = '+';
      c[p++] = '0';
      c[p++] = '8';
      c[p++] = ':';
      c[p++] = '0';
      c[p++] = '0';
    }
    return new String(c, 0, p);
  }

  private static int two(char[] c, int p, int v) {
    c[p] = (char) ('0' + v / 10);
    c[p + 1] = (char) ('0' + v % 10);
    return p + 2;
  }

  /** Cents as a decimal with exactly two fraction digits, e.g. 12990 -> "129.90". */
  static String money(long cents) {
    boolean neg = cents < 0;
    long v = Math.abs(cents);
    long units = v / 100;
    int frac = (int) (v % 100);
    String u = Long.toString(units);
    char[] c = new char[u.length() + 4];
    int p = 0;
    if (neg) {
      c[p++] = '-';
    }
    for (int i = 0; i < u.length(); i++) {
      c[p++] = u.charAt(i);
    }
    c[p++] = '.';
    c[p++] = (char) ('0' + frac / 10);
    c[p++] = (char) ('0' + frac % 10);
    return new String(c, 0, p);
  }

  /** Zero-padded decimal of {@code v} with at least {@code width} digits. */
  static String pad(String prefix, long v, int width) {
    String s = Long.toString(v);
    StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, s.length()));
    b.append(prefix);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  /** A plain decimal with {@code digits} fraction digits, half-up (for truth files and ROI). */
  static String decimal(double v, int digits) {
    return new java.math.BigDecimal(v)
        .setScale(digits, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }
}
