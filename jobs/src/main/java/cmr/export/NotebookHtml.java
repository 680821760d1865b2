package cmr.export;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A self-contained HTML page of a rendered notebook: inline CSS, charts as {@code data:} URIs,
 * tables as HTML, the SQL of each figure folded under its chart. No scripts and no network access
 * are needed to view it.
 */
public final class NotebookHtml {
  private static final String CSS =
      """
      body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
      "Helvetica Neue",Arial,sans-serif;max-width:1080px;margin:24px auto;padding:0 16px;color:#222;line-height:1.5}
      h1{font-size:26px;border-bottom:2px solid #07C160;padding-bottom:6px}h2{font-size:21px;margin-top:36px}
      img.cmr-chart{max-width:100%;height:auto;border:1px solid #eee;margin:8px 0}
      details{margin:6px 0;color:#555}summary{cursor:pointer;font-size:13px}
      pre{background:#f6f8fa;padding:8px;overflow-x:auto;font-size:12px}
      table.cmr-table{margin:8px 0}table.cmr-table tr:nth-child(even){background:#fafafa}
      .cmr-out{margin:4px 0 18px 0}
      """;

  private NotebookHtml() {}

  public static String render(JsonNode nb, Lang lang) {
    String title = nb.path("metadata").path("title").asText("CMR dashboard");
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang.code())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(HtmlTables.escape(title))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    for (JsonNode cell : nb.path("cells")) {
      String type = cell.path("cell_type").asText();
      if (type.equals("markdown")) {
        b.append("<section class=\"cmr-md\" id=\"")
            .append(HtmlTables.escape(cell.path("id").asText()))
            .append("\">\n")
            .append(Markdown.toHtml(NotebookRenderer.join(cell.get("source"))))
            .append("</section>\n");
      } else if (type.equals("code")) {
        b.append("<div class=\"cmr-out\" id=\"")
            .append(HtmlTables.escape(cell.path("id").asText()))
            .append("\">\n");
        for (JsonNode o : cell.path("outputs")) {
          JsonNode data = o.path("data");
          if (data.has("image/png")) {
            b.append("<img class=\"cmr-chart\" alt=\"")
                .append(HtmlTables.escape(NotebookRenderer.join(data.get("text/plain"))))
                .append("\" src=\"data:image/png;base64,")
                .append(data.get("image/png").asText())
                .append("\">\n");
          } else if (data.has("text/html")) {
            b.append(NotebookRenderer.join(data.get("text/html"))).append('\n');
          }
        }
        String sql = NotebookRenderer.join(cell.get("source"));
        if (!sql.isBlank()) {
          b.append("<details><summary>")
              .append(HtmlTables.escape(lang.say("sql")))
              .append("</summary><pre>")
              .append(HtmlTables.escape(sql))
              .append("</pre></details>\n");
        }
        b.append("</div>\n");
      }
    }
    return b.append("</body>\n</html>\n").toString();
  }
}
