package cmr.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers are shown, by unit: {@code users}/{@code int} as whole numbers with thousands
 * separators, {@code CNY} with two decimals (half-up), {@code %} as a ratio times 100 with two
 * decimals, {@code pp} percentage points, {@code x} (ROI) with two decimals; a leading {@code s}
 * ({@code s%}, {@code sCNY}...) adds a sign. NULL shows as "n/a".
 */
public final class Formats {
  private Formats() {}

  public static String format(Object value, String unit, Lang lang) {
    if (value == null) {
      return lang.say("na");
    }
    Double d = QueryResult.number(value);
    if (d == null) {
      return value.toString();
    }
    if (d.isNaN() || d.isInfinite()) {
      return lang.say("na");
    }
    boolean signed = unit != null && unit.startsWith("s") && unit.length() > 1;
    String u = signed ? unit.substring(1) : (unit == null ? "" : unit);
    BigDecimal b = value instanceof BigDecimal bd ? bd : BigDecimal.valueOf(d);
    String sign = signed && b.signum() > 0 ? "+" : "";
    return sign
        + switch (u) {
          case "users", "int", "count", "merchants", "cycles" ->
              pattern("#,##0").format(b.setScale(0, RoundingMode.HALF_UP));
          case "CNY" -> pattern("#,##0.00").format(b.setScale(2, RoundingMode.HALF_UP));
          case "%" ->
              pattern("#,##0.00").format(b.movePointRight(2).setScale(2, RoundingMode.HALF_UP))
                  + "%";
          case "pp" ->
              pattern("#,##0.00").format(b.movePointRight(2).setScale(2, RoundingMode.HALF_UP))
                  + " pp";
          case "x" -> pattern("#,##0.00").format(b.setScale(2, RoundingMode.HALF_UP));
          default -> b.stripTrailingZeros().toPlainString();
        };
  }

  private static DecimalFormat pattern(String p) {
    DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f;
  }
}
