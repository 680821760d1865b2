package cmr.export;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a one-line reading template from a query result. Placeholders: {@code {first.col|unit}},
 * {@code {last.col|unit}}, {@code {prev.col|unit}} (the row before the last), {@code
 * {max.col|unit}}, {@code {min.col|unit}}, {@code {sum.col|unit}}, {@code {key.col|unit}} (the row
 * whose first column is {@code key}), {@code {rows}} and named values such as {@code {run_date}}.
 * Units as in {@link Formats}.
 */
public final class Readings {
  private static final Pattern TOKEN = Pattern.compile("\\{(\\w+)(?:\\.(\\w+))?(?:\\|([\\w%]+))?}");

  private Readings() {}

  public static String fill(String template, QueryResult r, Map<String, String> named, Lang lang) {
    return fill(template, r, named, lang, null);
  }

  /**
   * As {@link #fill(String, QueryResult, Map, Lang)}; the unit {@code label} shows a code through
   * the figure's table column {@code values} (e.g. {@code offsite_wechat} as "Off-site WeChat").
   */
  public static String fill(
      String template,
      QueryResult r,
      Map<String, String> named,
      Lang lang,
      com.fasterxml.jackson.databind.JsonNode columns) {
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String agg = m.group(1);
      String col = m.group(2);
      String unit = m.group(3);
      String value;
      if (col == null) {
        value =
            agg.equals("rows")
                ? String.valueOf(r.rows().size())
                : named.getOrDefault(agg, m.group());
      } else {
        Object v = aggregate(agg, col, r);
        com.fasterxml.jackson.databind.JsonNode labels =
            columns == null ? null : columns.path(col).get("values");
        value =
            "label".equals(unit) && v != null && labels != null && labels.has(v.toString())
                ? lang.pick(labels.get(v.toString()))
                : Formats.format(v, "label".equals(unit) ? null : unit, lang);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static Object aggregate(String agg, String col, QueryResult r) {
    if (r.isEmpty()) {
      return null;
    }
    int c = r.index(col);
    int n = r.rows().size();
    return switch (agg) {
      case "first" -> r.rows().get(0)[c];
      case "last" -> r.rows().get(n - 1)[c];
      case "prev" -> n < 2 ? null : r.rows().get(n - 2)[c];
      case "max", "min", "sum" -> {
        Double acc = null;
        for (Object[] row : r.rows()) {
          Double v = QueryResult.number(row[c]);
          if (v == null) {
            continue;
          }
          acc =
              acc == null
                  ? v
                  : switch (agg) {
                    case "max" -> Math.max(acc, v);
                    case "min" -> Math.min(acc, v);
                    default -> acc + v;
                  };
        }
        yield acc;
      }
      default -> {
        for (Object[] row : r.rows()) {
          if (agg.equals(String.valueOf(row[0]))) {
            yield row[c];
          }
        }
        yield null;
      }
    };
  }
}
