package cmr.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small Markdown subset the dashboard notebooks use, to HTML: ATX headings, paragraphs, bullet
 * lists, {@code **bold**}, {@code *italic*} and {@code `code`}. Text is escaped first, so no raw
 * HTML passes through.
 */
public final class Markdown {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![*\\w])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![*\\w])");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private Markdown() {}

  public static String toHtml(String md) {
    StringBuilder out = new StringBuilder();
    StringBuilder para = new StringBuilder();
    boolean inList = false;
    for (String raw : md.split("\n", -1)) {
      String line = raw.stripTrailing();
      Matcher h = Pattern.compile("^(#{1,6})\\s+(.*)$").matcher(line);
      boolean bullet = line.matches("^\\s*[-*]\\s+.*");
      if (line.isBlank() || h.matches() || bullet) {
        flush(out, para);
      }
      if (!bullet && inList && (line.isBlank() || h.matches() || !raw.startsWith(" "))) {
        out.append("</ul>\n");
        inList = false;
      }
      if (h.matches()) {
        int level = h.group(1).length();
        out.append("<h")
            .append(level)
            .append('>')
            .append(inline(h.group(2)))
            .append("</h")
            .append(level)
            .append(">\n");
      } else if (bullet) {
        if (!inList) {
          out.append("<ul>\n");
          inList = true;
        }
        out.append("<li>").append(inline(line.replaceFirst("^\\s*[-*]\\s+", ""))).append("</li>\n");
      } else if (!line.isBlank()) {
        para.append(para.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    flush(out, para);
    if (inList) {
      out.append("</ul>\n");
    }
    return out.toString();
  }

  private static void flush(StringBuilder out, StringBuilder para) {
    if (para.length() > 0) {
      out.append("<p>").append(inline(para.toString())).append("</p>\n");
      para.setLength(0);
    }
  }

  static String inline(String text) {
    String t = HtmlTables.escape(text);
    t = CODE.matcher(t).replaceAll("<code>$1</code>");
    t = BOLD.matcher(t).replaceAll("<strong>$1</strong>");
    t = ITALIC.matcher(t).replaceAll("<em>$1</em>");
    return t;
  }
}
