package cmr.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;

/**
 * Renders one notebook definition (nbformat 4.5, no outputs) against the registered gold views for
 * a run date: markdown cells are localised and their {@code {run_date}}/{@code {month}}
 * placeholders filled; each figure's SQL cell (metadata {@code cmr}) is run through Spark SQL with
 * named parameters {@code :run_date} (DATE) and {@code :month} ('YYYY-MM'), and gets static
 * outputs: the chart as {@code image/png}, a one-line reading, and the data as a {@code text/html}
 * table. A figure whose gold tables are absent (or lack a column it needs) says "no data yet"
 * instead. Cost: one small Spark query per figure.
 */
public final class NotebookRenderer {
  private static final Logger LOG = LogManager.getLogger(NotebookRenderer.class);
  static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final GoldCatalog catalog;
  private final Lang lang;
  private final ChartFactory charts;
  private final LocalDate runDate;
  private final Map<String, String> named;
  private final List<String> notes;
  private final Stats stats = new Stats();
  private final Map<String, java.util.concurrent.Future<QueryResult>> prefetched =
      new java.util.HashMap<>();

  /** What a rendering did: figures drawn, sections without data, figures that failed. */
  public static final class Stats {
    public int figures;
    public int empty;

    /** Time spent waiting for query results, and drawing charts, in milliseconds. */
    public long waitMs;

    public long chartMs;
    public final List<String> failed = new ArrayList<>();
  }

  /**
   * @param notes lines shown at the top of every notebook (e.g. the font fallback notice)
   */
  public NotebookRenderer(
      SparkSession spark,
      GoldCatalog catalog,
      Lang lang,
      String fontFamily,
      LocalDate runDate,
      List<String> notes) {
    this.spark = spark;
    this.catalog = catalog;
    this.lang = lang;
    this.charts = new ChartFactory(lang, fontFamily);
    this.runDate = runDate;
    this.notes = notes;
    this.named =
        Map.of(
            "run_date",
            runDate.toString(),
            "month",
            month(runDate),
            "prev_month",
            month(runDate.minusMonths(1)));
  }

  static String month(LocalDate d) {
    return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
  }

  public Stats stats() {
    return stats;
  }

  /**
   * Starts the queries of every figure of {@code definition} whose gold tables are present on
   * {@code pool}, so that Spark runs them concurrently; {@link #render} then waits for each.
   */
  public void prefetch(ObjectNode definition, java.util.concurrent.ExecutorService pool) {
    for (JsonNode c : definition.path("cells")) {
      JsonNode spec = c.path("metadata").path("cmr");
      if (c.path("cell_type").asText().equals("code")
          && spec.has("figure")
          && catalog.missing(requires(spec)).isEmpty()) {
        String sql = join(c.get("source"));
        String figure = spec.path("figure").asText();
        prefetched.put(
            c.path("id").asText(),
            pool.submit(
                () -> {
                  spark
                      .sparkContext()
                      .setJobDescription("dashboard figure " + figure + " for " + runDate);
                  return QueryResult.of(spark.sql(sql, parameters(sql)));
                }));
      }
    }
  }

  private static Map<String, List<String>> requires(JsonNode spec) {
    Map<String, List<String>> requires = new LinkedHashMap<>();
    spec.path("requires")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> cols = new ArrayList<>();
              e.getValue().forEach(v -> cols.add(v.asText()));
              requires.put(e.getKey(), cols);
            });
    return requires;
  }

  /** The rendered copy of {@code definition} (which is not modified). */
  public ObjectNode render(ObjectNode definition, String fontFamily) {
    ObjectNode nb = definition.deepCopy();
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    ObjectNode meta = (ObjectNode) nb.with("metadata");
    ObjectNode cmr = meta.with("cmr");
    cmr.put("run_date", runDate.toString());
    cmr.put("locale", lang.code());
    cmr.put("font", fontFamily);
    cmr.put("rendered_from", "gold tables only");
    ObjectNode params = cmr.putObject("parameters");
    params.put("run_date", runDate.toString());
    params.put("month", month(runDate));
    cmr.put(
        "how_to_run",
        "Each code cell is Spark SQL over the gold tables. Run it with: bin/cmr sql "
            + "-p run_date="
            + runDate
            + " -p month="
            + month(runDate)
            + " --file <cell.sql> "
            + "(or pass the cell text as the query). Every gold table is registered by name.");
    ArrayNode cells = nb.withArray("cells");
    ArrayNode out = JSON.createArrayNode();
    if (!notes.isEmpty()) {
      out.add(
          markdown(
              "cmr-notes", String.join("\n\n", notes.stream().map(n -> "**" + n + "**").toList())));
    }
    int exec = 0;
    for (JsonNode c : cells) {
      ObjectNode cell = (ObjectNode) c.deepCopy();
      String type = cell.path("cell_type").asText();
      JsonNode spec = cell.path("metadata").path("cmr");
      if (type.equals("markdown")) {
        String text =
            lang.chinese() && spec.has(lang.code())
                ? join(spec.get(lang.code()))
                : join(cell.get("source"));
        cell.set("source", lines(fill(text)));
      } else if (type.equals("code")) {
        cell.put("execution_count", ++exec);
        cell.set(
            "outputs",
            spec.isMissingNode()
                ? JSON.createArrayNode()
                : figure(spec, join(cell.get("source")), prefetched.get(cell.path("id").asText())));
      }
      out.add(cell);
    }
    nb.set("cells", out);
    return nb;
  }

  private ArrayNode figure(
      JsonNode spec, String sql, java.util.concurrent.Future<QueryResult> started) {
    ArrayNode outputs = JSON.createArrayNode();
    String title = fill(lang.pick(spec.get("title")));
    List<String> missing = catalog.missing(requires(spec));
    if (!missing.isEmpty()) {
      stats.empty++;
      outputs.add(
          note(title + " — " + lang.say("no_data", String.join(", ", missing)), "cmr-empty"));
      return outputs;
    }
    QueryResult r;
    try {
      long t0 = System.nanoTime();
      r = started != null ? started.get() : QueryResult.of(spark.sql(sql, parameters(sql)));
      stats.waitMs += (System.nanoTime() - t0) / 1_000_000;
    } catch (Exception e) { // Spark's AnalysisException is checked from Java's point of view
      Throwable cause =
          e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
              ? e.getCause()
              : e;
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String msg = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
      LOG.warn("dashboard figure {} failed: {}", spec.path("figure").asText(), msg, cause);
      stats.failed.add(spec.path("figure").asText() + ": " + msg);
      outputs.add(note(title + " — figure could not be drawn (" + msg + ")", "cmr-failed"));
      return outputs;
    }
    if (r.isEmpty()) {
      stats.empty++;
      outputs.add(note(title + " — " + lang.say("no_rows", runDate), "cmr-empty"));
      return outputs;
    }
    stats.figures++;
    JsonNode chartSpec = spec.get("chart");
    if (chartSpec != null) {
      long t0 = System.nanoTime();
      JFreeChart chart = charts.build(chartSpec, title, r);
      ObjectNode o = display(outputs);
      o.with("data")
          .put(
              "image/png",
              Base64.getEncoder()
                  .encodeToString(ChartImages.png(chart, ChartImages.WIDTH, ChartImages.HEIGHT)));
      o.with("data").put("text/plain", "<" + title + ">");
      ObjectNode size = o.with("metadata").putObject("image/png");
      size.put("width", ChartImages.WIDTH);
      size.put("height", ChartImages.HEIGHT);
      stats.chartMs += (System.nanoTime() - t0) / 1_000_000;
    } else if (!title.isEmpty()) {
      ObjectNode o = display(outputs);
      o.with("data")
          .set("text/html", lines("<h4 class=\"cmr-title\">" + HtmlTables.escape(title) + "</h4>"));
      o.with("data").set("text/plain", lines(title));
    }
    String reading =
        Readings.fill(
            lang.pick(spec.get("reading")), r, named, lang, spec.path("table").get("columns"));
    if (chartSpec != null && chartSpec.has("final") && r.has(chartSpec.path("final").asText())) {
      LocalDate[] range =
          Provisional.range(r, chartSpec.path("x").asText(), chartSpec.path("final").asText());
      if (range != null) {
        reading +=
            " "
                + lang.say(
                    "provisional",
                    Provisional.count(r, chartSpec.path("final").asText()),
                    range[0],
                    range[1]);
      }
    }
    if (!reading.isBlank()) {
      ObjectNode o = display(outputs);
      o.with("data")
          .set(
              "text/html",
              lines(
                  "<p class=\"cmr-reading\" style=\"font-size:14px\"><b>"
                      + (lang.chinese() ? "解读：" : "Reading: ")
                      + "</b>"
                      + HtmlTables.escape(reading)
                      + "</p>"));
      o.with("data").set("text/plain", lines(reading));
    }
    JsonNode table = spec.path("table");
    if (!table.path("hidden").asBoolean(false)) {
      int max = table.path("rows").asInt(15);
      int n = r.rows().size();
      boolean tail = table.path("tail").asBoolean(false);
      int from = tail ? Math.max(0, n - max) : 0;
      int to = tail ? n : Math.min(n, max);
      UnaryOperator<String> headings = h -> Readings.fill(h, r, named, lang);
      String html = HtmlTables.table(r, table.get("columns"), lang, from, to, headings);
      if (to - from < n) {
        html +=
            "<p class=\"cmr-rows\" style=\"font-size:12px;color:#666\">"
                + HtmlTables.escape(lang.say("rows_shown", to - from, n))
                + "</p>";
      }
      ObjectNode o = display(outputs);
      o.with("data").set("text/html", lines(html));
      o.with("data").set("text/plain", lines(plain(r, from, to)));
    }
    return outputs;
  }

  /** Only the parameters the statement uses (Spark rejects none, but this keeps intent clear). */
  private Map<String, Object> parameters(String sql) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (sql.matches("(?s).*:run_date\\b.*")) {
      p.put("run_date", runDate);
    }
    if (sql.matches("(?s).*:month\\b.*")) {
      p.put("month", month(runDate));
    }
    return p;
  }

  private static String plain(QueryResult r, int from, int to) {
    StringBuilder b = new StringBuilder(String.join("\t", r.columns()));
    for (int i = from; i < to; i++) {
      b.append('\n');
      Object[] row = r.rows().get(i);
      for (int c = 0; c < row.length; c++) {
        b.append(c == 0 ? "" : "\t").append(row[c]);
      }
    }
    return b.toString();
  }

  private String fill(String text) {
    String t = text;
    for (Map.Entry<String, String> e : named.entrySet()) {
      t = t.replace("{" + e.getKey() + "}", e.getValue());
    }
    return t;
  }

  private static ObjectNode display(ArrayNode outputs) {
    ObjectNode o = outputs.addObject();
    o.put("output_type", "display_data");
    o.putObject("data");
    o.putObject("metadata");
    return o;
  }

  private static ObjectNode note(String text, String cls) {
    ObjectNode o = JSON.createObjectNode();
    o.put("output_type", "display_data");
    ObjectNode data = o.putObject("data");
    data.set(
        "text/html",
        lines(
            "<p class=\""
                + cls
                + "\" style=\"color:#8a6d3b;font-style:italic\">"
                + HtmlTables.escape(text)
                + "</p>"));
    data.set("text/plain", lines(text));
    o.putObject("metadata");
    return o;
  }

  static ObjectNode markdown(String id, String text) {
    ObjectNode c = JSON.createObjectNode();
    c.put("cell_type", "markdown");
    c.put("id", id);
    c.putObject("metadata");
    c.set("source", lines(text));
    return c;
  }

  /** A notebook multiline string: the text split after each newline. */
  static ArrayNode lines(String text) {
    ArrayNode a = JSON.createArrayNode();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        a.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      a.add(text.substring(start));
    }
    return a;
  }

  /** The text of a notebook multiline string (a string or an array of strings). */
  static String join(JsonNode source) {
    if (source == null || source.isNull()) {
      return "";
    }
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder b = new StringBuilder();
    source.forEach(s -> b.append(s.asText()));
    return b.toString();
  }
}
