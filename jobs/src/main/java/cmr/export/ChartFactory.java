package cmr.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Builds one JFreeChart from a figure's chart spec (cell metadata {@code cmr.chart}) and its query
 * result. Kinds: {@code time} (daily lines on a date axis; provisional days shaded), {@code line}
 * and {@code bar} (categories such as months; grouped, stacked, pivoted from long rows, optional
 * right axis), {@code heatmap} (two category axes, value annotated in each cell). Values with unit
 * {@code %} are ratios drawn times 100.
 */
public final class ChartFactory {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  /** WeChat green, for the highlighted series. */
  static final Color HIGHLIGHT = new Color(0x07C160);

  private static final Color MUTED = new Color(0xB0B7C3);

  private final Lang lang;
  private final String family;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  public ChartFactory(Lang lang, String family) {
    this.lang = lang;
    this.family = family;
  }

  /** The chart for {@code spec} over {@code r}; {@code title} already in the chart's language. */
  public JFreeChart build(JsonNode spec, String title, QueryResult r) {
    JFreeChart chart =
        switch (spec.path("type").asText()) {
          case "time" -> time(spec, r);
          case "line", "bar" -> category(spec, r);
          case "heatmap" -> heatmap(spec, r);
          default -> throw new IllegalArgumentException("unknown chart type " + spec.path("type"));
        };
    style(chart);
    chart.setTitle(new TextTitle(title, new Font(family, Font.BOLD, 18)));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  /** Fonts (the resolved family, so CJK labels render), white plot, light grid. */
  private void style(JFreeChart chart) {
    Font axisLabel = new Font(family, Font.BOLD, 14);
    Font tick = new Font(family, Font.PLAIN, 12);
    List<org.jfree.chart.axis.Axis> axes = new ArrayList<>();
    if (chart.getPlot() instanceof CategoryPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(new Color(0xDDDDDD));
      for (int i = 0; i < p.getDomainAxisCount(); i++) {
        axes.add(p.getDomainAxis(i));
      }
      for (int i = 0; i < p.getRangeAxisCount(); i++) {
        axes.add(p.getRangeAxis(i));
      }
    } else if (chart.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(new Color(0xEEEEEE));
      p.setRangeGridlinePaint(new Color(0xDDDDDD));
      for (int i = 0; i < p.getDomainAxisCount(); i++) {
        axes.add(p.getDomainAxis(i));
      }
      for (int i = 0; i < p.getRangeAxisCount(); i++) {
        axes.add(p.getRangeAxis(i));
      }
    }
    for (var a : axes) {
      if (a != null) {
        a.setLabelFont(axisLabel);
        a.setTickLabelFont(tick);
      }
    }
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof PaintScaleLegend l) {
        l.getAxis().setLabelFont(axisLabel);
        l.getAxis().setTickLabelFont(tick);
      }
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 13));
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
  }

  private String label(JsonNode spec, String key) {
    return lang.pick(spec.get(key));
  }

  private static double scale(String unit) {
    return "%".equals(unit) ? 100.0 : 1.0;
  }

  private static NumberFormat numberFormat(String unit) {
    return switch (unit == null ? "" : unit) {
      case "%", "x" -> new DecimalFormat("#,##0.0");
      default -> new DecimalFormat("#,##0");
    };
  }

  private NumberAxis numberAxis(String text, String unit) {
    NumberAxis a = new NumberAxis(text);
    if (!"%".equals(unit) && !"x".equals(unit)) {
      a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    a.setNumberFormatOverride(numberFormat(unit));
    a.setAutoRangeIncludesZero(true);
    return a;
  }

  // ---- time: daily lines, provisional days shaded ------------------------------------------

  private JFreeChart time(JsonNode spec, QueryResult r) {
    String unit = spec.path("y_unit").asText();
    double k = scale(unit);
    TimeSeriesCollection ds = new TimeSeriesCollection();
    int x = r.index(spec.path("x").asText());
    for (JsonNode s : spec.path("series")) {
      TimeSeries ts = new TimeSeries(lang.pick(s.get("label")));
      int c = r.index(s.path("column").asText());
      for (Object[] row : r.rows()) {
        Double v = QueryResult.number(row[c]);
        LocalDate d = LocalDate.parse(row[x].toString());
        ts.addOrUpdate(
            new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), v == null ? null : v * k);
      }
      ds.addSeries(ts);
    }
    DateAxis xa = new DateAxis(label(spec, "x_label"));
    xa.setDateFormatOverride(new SimpleDateFormat("yyyy-MM-dd"));
    XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < ds.getSeriesCount(); i++) {
      ren.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      ren.setSeriesStroke(i, new BasicStroke(2.2f));
    }
    XYPlot plot = new XYPlot(ds, xa, numberAxis(label(spec, "y_label"), unit), ren);
    String finalCol = spec.path("final").asText(null);
    if (finalCol != null && r.has(finalCol)) {
      LocalDate[] range = Provisional.range(r, spec.path("x").asText(), finalCol);
      if (range != null) {
        long from =
            range[0]
                .atStartOfDay(java.time.ZoneId.systemDefault())
                .minusHours(12)
                .toInstant()
                .toEpochMilli();
        long to =
            range[1]
                .atStartOfDay(java.time.ZoneId.systemDefault())
                .plusHours(12)
                .toInstant()
                .toEpochMilli();
        IntervalMarker m = new IntervalMarker(from, to, new Color(255, 200, 0, 60));
        m.setLabel(lang.say("provisional_band"));
        m.setLabelFont(new Font(family, Font.PLAIN, 12));
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        plot.addDomainMarker(m, Layer.BACKGROUND);
      }
    }
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, ds.getSeriesCount() > 1);
  }

  // ---- line / bar over categories ----------------------------------------------------------

  private JFreeChart category(JsonNode spec, QueryResult r) {
    boolean bar = spec.path("type").asText().equals("bar");
    String unit = spec.path("y_unit").asText();
    DefaultCategoryDataset left = new DefaultCategoryDataset();
    DefaultCategoryDataset right = new DefaultCategoryDataset();
    List<String> seriesKeys = new ArrayList<>();
    Map<String, String> seriesNames = new LinkedHashMap<>();
    int x = r.index(spec.path("x").asText());
    int partial =
        spec.has("partial") && r.has(spec.path("partial").asText())
            ? r.index(spec.path("partial").asText())
            : -1;
    JsonNode pivot = spec.get("pivot");
    if (pivot != null) {
      int sc = r.index(pivot.path("series").asText());
      int vc = r.index(pivot.path("value").asText());
      for (JsonNode o : pivot.path("order")) {
        seriesNames.put(o.asText(), lang.pick(pivot.path("labels").get(o.asText())));
      }
      for (Object[] row : r.rows()) {
        String key = String.valueOf(row[sc]);
        seriesNames.putIfAbsent(
            key,
            lang.pick(pivot.path("labels").get(key)).isEmpty()
                ? key
                : lang.pick(pivot.path("labels").get(key)));
      }
      Map<String, Map<String, Double>> values = new LinkedHashMap<>();
      List<String> cats = new ArrayList<>();
      for (Object[] row : r.rows()) {
        String cat = categoryLabel(spec, row, x, partial);
        if (!cats.contains(cat)) {
          cats.add(cat);
        }
        Double v = QueryResult.number(row[vc]);
        values
            .computeIfAbsent(String.valueOf(row[sc]), k -> new LinkedHashMap<>())
            .put(cat, v == null ? null : v * scale(unit));
      }
      seriesNames.keySet().removeIf(k -> !values.containsKey(k));
      for (String key : seriesNames.keySet()) {
        for (String cat : cats) {
          left.addValue(values.get(key).get(cat), seriesNames.get(key), cat);
        }
      }
      seriesKeys.addAll(seriesNames.keySet());
    } else {
      for (JsonNode s : spec.path("series")) {
        boolean onRight = "right".equals(s.path("axis").asText());
        String u = onRight ? spec.path("right_unit").asText() : unit;
        int c = r.index(s.path("column").asText());
        String name = lang.pick(s.get("label"));
        for (Object[] row : r.rows()) {
          Double v = QueryResult.number(row[c]);
          (onRight ? right : left)
              .addValue(
                  v == null ? null : v * scale(u), name, categoryLabel(spec, row, x, partial));
        }
        if (!onRight) {
          seriesKeys.add(s.path("column").asText());
        }
      }
    }
    CategoryAxis xa = new CategoryAxis(label(spec, "x_label"));
    if (left.getColumnCount() > 12 || spec.path("rotate").asBoolean(false)) {
      xa.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    CategoryItemRenderer ren;
    if (bar) {
      BarRenderer b =
          spec.path("stacked").asBoolean(false) ? new StackedBarRenderer() : new BarRenderer();
      b.setItemMargin(0.02);
      b.setBarPainter(new StandardBarPainter());
      b.setShadowVisible(false);
      b.setDrawBarOutline(false);
      ren = b;
    } else {
      LineAndShapeRenderer l = new LineAndShapeRenderer(true, true);
      ren = l;
    }
    String highlight = spec.path("highlight").asText(null);
    for (int i = 0; i < seriesKeys.size(); i++) {
      Paint p = PALETTE[i % PALETTE.length];
      if (highlight != null) {
        p = seriesKeys.get(i).equals(highlight) ? HIGHLIGHT : shade(i);
      }
      ren.setSeriesPaint(i, p);
      ren.setSeriesStroke(i, new BasicStroke(2.2f));
    }
    CategoryPlot plot = new CategoryPlot(left, xa, numberAxis(label(spec, "y_label"), unit), ren);
    plot.setOrientation(
        spec.path("horizontal").asBoolean(false)
            ? PlotOrientation.HORIZONTAL
            : PlotOrientation.VERTICAL);
    if (right.getRowCount() > 0) {
      String ru = spec.path("right_unit").asText();
      plot.setDataset(1, right);
      plot.setRangeAxis(1, numberAxis(label(spec, "right_label"), ru));
      plot.mapDatasetToRangeAxis(1, 1);
      LineAndShapeRenderer r2 = new LineAndShapeRenderer(true, true);
      for (int i = 0; i < right.getRowCount(); i++) {
        r2.setSeriesPaint(i, PALETTE[(seriesKeys.size() + i) % PALETTE.length]);
        r2.setSeriesStroke(
            i,
            new BasicStroke(
                2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
      }
      plot.setRenderer(1, r2);
      plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }
    boolean legend = left.getRowCount() + right.getRowCount() > 1;
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
  }

  private String categoryLabel(JsonNode spec, Object[] row, int x, int partial) {
    String raw = String.valueOf(row[x]);
    String text =
        spec.has("x_labels") && spec.get("x_labels").has(raw)
            ? lang.pick(spec.get("x_labels").get(raw))
            : raw;
    if (partial >= 0 && Boolean.TRUE.equals(row[partial])) {
      text += lang.say("mtd");
    }
    return text;
  }

  private static Color shade(int i) {
    Color[] muted = {
      new Color(0x9AA5B1),
      new Color(0xC5CED8),
      new Color(0x6B7A89),
      new Color(0xDCE2E8),
      new Color(0x52606D),
      MUTED
    };
    return muted[i % muted.length];
  }

  // ---- heatmap ------------------------------------------------------------------------------

  private JFreeChart heatmap(JsonNode spec, QueryResult r) {
    List<String> xs = new ArrayList<>();
    spec.path("x_order").forEach(n -> xs.add(n.asText()));
    List<String> ys = new ArrayList<>();
    spec.path("y_order").forEach(n -> ys.add(n.asText()));
    int xc = r.index(spec.path("x").asText());
    int yc = r.index(spec.path("y").asText());
    int vc = r.index(spec.path("value").asText());
    for (Object[] row : r.rows()) {
      if (!xs.contains(String.valueOf(row[xc]))) {
        xs.add(String.valueOf(row[xc]));
      }
      if (!ys.contains(String.valueOf(row[yc]))) {
        ys.add(String.valueOf(row[yc]));
      }
    }
    double[][] cells = new double[ys.size()][xs.size()];
    double max = 0;
    for (Object[] row : r.rows()) {
      Double v = QueryResult.number(row[vc]);
      if (v != null) {
        cells[ys.indexOf(String.valueOf(row[yc]))][xs.indexOf(String.valueOf(row[xc]))] += v;
      }
    }
    int n = xs.size() * ys.size();
    double[] dx = new double[n];
    double[] dy = new double[n];
    double[] dz = new double[n];
    int i = 0;
    for (int yi = 0; yi < ys.size(); yi++) {
      for (int xi = 0; xi < xs.size(); xi++) {
        dx[i] = xi;
        dy[i] = yi;
        dz[i] = cells[yi][xi];
        max = Math.max(max, cells[yi][xi]);
        i++;
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("cells", new double[][] {dx, dy, dz});
    SymbolAxis xa = new SymbolAxis(label(spec, "x_label"), names(spec.get("x_labels"), xs));
    SymbolAxis ya = new SymbolAxis(label(spec, "y_label"), names(spec.get("y_labels"), ys));
    xa.setGridBandsVisible(false);
    ya.setGridBandsVisible(false);
    ya.setInverted(true);
    XYBlockRenderer ren = new XYBlockRenderer();
    double top = Math.max(max, 1);
    LookupPaintScale scale = new LookupPaintScale(0, top + 1e-9, Color.WHITE);
    for (int s = 0; s < 10; s++) {
      float t = s / 9f;
      scale.add(top * s / 10.0, new Color(1f - 0.85f * t, 1f - 0.55f * t, 1f - 0.2f * t));
    }
    ren.setPaintScale(scale);
    XYPlot plot = new XYPlot(ds, xa, ya, ren);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    for (int yi = 0; yi < ys.size(); yi++) {
      for (int xi = 0; xi < xs.size(); xi++) {
        XYTextAnnotation a =
            new XYTextAnnotation(
                Formats.format(cells[yi][xi], spec.path("value_unit").asText("int"), lang), xi, yi);
        a.setFont(new Font(family, Font.BOLD, 13));
        a.setPaint(
            cells[yi][xi] == 0
                ? new Color(0xBBBBBB)
                : cells[yi][xi] > top * 0.6 ? Color.WHITE : Color.DARK_GRAY);
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis legendAxis = new NumberAxis(lang.pick(spec.get("value_label")));
    legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 8, 4, 8);
    chart.addSubtitle(legend);
    return chart;
  }

  private String[] names(JsonNode labels, List<String> keys) {
    return keys.stream()
        .map(k -> labels != null && labels.has(k) ? lang.pick(labels.get(k)) : k)
        .toArray(String[]::new);
  }
}
