package cmr.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code <exports>/index.html}: every exported date, newest first, linked to the pages of its
 * newest version; the latest date on top. Static and self-contained (no script, no server), so it
 * opens from a file share.
 */
final class ExportIndex {
  private ExportIndex() {}

  static String render(Map<LocalDate, String> currentByDate) {
    List<LocalDate> dates = new ArrayList<>(currentByDate.keySet());
    dates.sort(java.util.Comparator.reverseOrder());
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>CMR dashboards / CMR 仪表盘</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse}td,th{padding:4px 12px;text-align:left;")
        .append("border-bottom:1px solid #ddd}</style>\n</head>\n<body>\n")
        .append("<h1>CMR dashboards / CMR 仪表盘</h1>\n");
    if (dates.isEmpty()) {
      h.append("<p>No export yet. / 暂无导出。</p>\n");
    } else {
      String latest = currentByDate.get(dates.get(0));
      h.append("<p>Latest / 最新: <a id=\"latest\" href=\"")
          .append(latest)
          .append("/overview.html\">")
          .append(dates.get(0))
          .append("</a></p>\n<table>\n<tr><th>Date / 日期</th>");
      for (String name : DashboardExporter.NOTEBOOKS) {
        h.append("<th>").append(HtmlTables.escape(name)).append("</th>");
      }
      h.append("</tr>\n");
      for (LocalDate d : dates) {
        String v = currentByDate.get(d);
        h.append("<tr data-date=\"").append(d).append("\"><td>").append(d).append("</td>");
        for (String name : DashboardExporter.NOTEBOOKS) {
          h.append("<td><a href=\"")
              .append(v)
              .append('/')
              .append(name)
              .append(".html\">html</a> · <a href=\"")
              .append(v)
              .append('/')
              .append(name)
              .append(".ipynb\">ipynb</a></td>");
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }
}
