package cmr.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Static HTML tables of query results (no scripts, inline styles only), so that any notebook viewer
 * shows them. Column headings and units come from the figure's {@code columns} spec; columns it
 * does not list are shown raw.
 */
public final class HtmlTables {
  static final String TABLE =
      "<table class=\"cmr-table\" style=\"border-collapse:collapse;font-size:13px\">";
  static final String TH =
      "<th style=\"border-bottom:1px solid #999;padding:3px 8px;text-align:%s\">";
  static final String TD = "<td style=\"padding:2px 8px;text-align:%s\"%s>";

  private HtmlTables() {}

  /**
   * The rows of {@code r} from {@code from} (inclusive) to {@code to} (exclusive), each cell
   * carrying {@code data-col} so that tests and scrapers can find values.
   */
  public static String table(
      QueryResult r,
      JsonNode columns,
      Lang lang,
      int from,
      int to,
      java.util.function.UnaryOperator<String> headings) {
    List<String> cols = new ArrayList<>();
    if (columns != null && columns.isObject()) {
      columns
          .fieldNames()
          .forEachRemaining(
              c -> {
                if (r.has(c)) {
                  cols.add(c);
                }
              });
    }
    if (cols.isEmpty()) {
      cols.addAll(r.columns());
    }
    StringBuilder h = new StringBuilder(TABLE).append("<thead><tr>");
    for (String c : cols) {
      JsonNode spec = columns == null ? null : columns.get(c);
      String head = spec == null ? c : headings.apply(lang.pick(spec.get("label")));
      h.append(String.format(TH, numeric(spec) ? "right" : "left"))
          .append(escape(head))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (int i = from; i < to; i++) {
      Object[] row = r.rows().get(i);
      h.append("<tr data-key=\"").append(escape(String.valueOf(row[0]))).append("\">");
      for (String c : cols) {
        JsonNode spec = columns == null ? null : columns.get(c);
        String unit = spec == null ? null : spec.path("unit").asText(null);
        if (unit != null && unit.startsWith("@")) {
          Object u = row[r.index(unit.substring(1))];
          unit = u == null ? null : u.toString();
        }
        Object v = row[r.index(c)];
        String text = v instanceof Boolean b ? b.toString() : Formats.format(v, unit, lang);
        if (spec != null
            && spec.has("values")
            && v != null
            && spec.get("values").has(v.toString())) {
          text = lang.pick(spec.get("values").get(v.toString()));
        }
        h.append(
                String.format(
                    TD, numeric(spec) ? "right" : "left", " data-col=\"" + escape(c) + "\""))
            .append(escape(text))
            .append("</td>");
      }
      h.append("</tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  private static boolean numeric(JsonNode spec) {
    return spec != null && spec.hasNonNull("unit");
  }

  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
