package cmr.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.testing.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports the dashboards from a hand-made gold fixture and checks what executives would see. */
class DashboardExportTest {
  static final LocalDate D = LocalDate.parse(GoldFixture.RUN_DATE);
  static Path root;
  static CmrConfig cfg;
  static DashboardExporter.Result result;
  static SparkSession spark;

  @BeforeAll
  static void export() {
    spark = TestSpark.spark();
    root = TestSpark.tempDir("dash");
    cfg = TestSpark.config(root, Map.of());
    GoldFixture.writeAll(root.resolve("warehouse"));
    long t0 = System.nanoTime();
    result = DashboardExporter.export(spark, cfg, D);
    System.out.printf(
        "dashboard export (2 notebooks, %d figures) took %d ms%n",
        result.figures(), (System.nanoTime() - t0) / 1_000_000);
  }

  static Path exported(String file) {
    return result.folder().resolve(file);
  }

  static JsonNode notebook(String name) throws IOException {
    return new ObjectMapper().readTree(exported(name + ".ipynb").toFile());
  }

  @Test
  void writesEveryNotebookAndHtmlAndPointsLatest() throws IOException {
    for (String name : DashboardExporter.NOTEBOOKS) {
      assertTrue(Files.size(exported(name + ".ipynb")) > 10_000, name);
      assertTrue(Files.size(exported(name + ".html")) > 10_000, name);
    }
    // LATEST names the version folder of D
    assertEquals(
        result.folder().getFileName() + "\n",
        Files.readString(cfg.paths().exportsFolder().resolve("LATEST")));
    assertTrue(
        result.folder().getFileName().toString().endsWith("Z-" + D), result.folder().toString());
    assertTrue(result.failed().isEmpty(), result.failed().toString());
    assertEquals(0, result.empty(), "every section of the full fixture has data");
  }

  @Test
  void everyNotebookPassesTheJupyterValidator() throws IOException {
    String python = ExternalTools.python();
    List<Path> files = new ArrayList<>();
    for (String name : DashboardExporter.NOTEBOOKS) {
      files.add(exported(name + ".ipynb"));
      files.add(
          Path.of(System.getProperty("cmr.repo.root", ".."), "notebooks-export", name + ".ipynb"));
    }
    for (Path f : files) {
      assertNull(ExternalTools.validate(python, f), f.toString());
    }
  }

  @Test
  void notebooksAreStaticAndSayHowCellsRun() throws IOException {
    for (String name : DashboardExporter.NOTEBOOKS) {
      String text = Files.readString(exported(name + ".ipynb"));
      assertFalse(text.contains("application/javascript"), name);
      assertFalse(text.contains("<script"), name);
      assertFalse(Files.readString(exported(name + ".html")).contains("<script"), name);
      JsonNode nb = notebook(name);
      assertEquals(4, nb.path("nbformat").asInt());
      assertEquals(5, nb.path("nbformat_minor").asInt());
      assertTrue(nb.path("metadata").path("cmr").path("how_to_run").asText().contains("cmr sql"));
      int images = 0;
      for (JsonNode cell : nb.path("cells")) {
        assertFalse(cell.path("id").asText().isEmpty());
        for (JsonNode o : cell.path("outputs")) {
          images += o.path("data").has("image/png") ? 1 : 0;
        }
      }
      assertTrue(images >= 4, name + " has charts");
    }
    // the definitions in the repo are kept without outputs
    for (String name : DashboardExporter.NOTEBOOKS) {
      JsonNode def = DashboardExporter.definition(name);
      for (JsonNode cell : def.path("cells")) {
        assertTrue(cell.path("outputs").isMissingNode() || cell.path("outputs").isEmpty(), name);
      }
    }
  }

  @Test
  void headlineTilesEqualTheGoldTables() throws IOException {
    // Read the gold Delta tables directly (not the notebook's SQL) and work out the tiles.
    Path gold = root.resolve("warehouse").resolve("gold");
    Row nov =
        spark
            .read()
            .format("delta")
            .load(gold.resolve("monthly_kpis").toString())
            .where(col("month").equalTo("2026-11"))
            .first();
    Dataset<Row> daily = spark.read().format("delta").load(gold.resolve("daily_kpis").toString());
    // November has 20 of 30 days covered, so October's first 20 days are the comparison.
    Row oct20 =
        daily
            .where(col("date").between("2026-10-01", "2026-10-20"))
            .agg(sum("gmv"), sum("cmr"), sum("compensation"))
            .first();
    BigDecimal gmv = nov.getAs("gmv");
    BigDecimal cmr = nov.getAs("cmr");
    BigDecimal prevGmv = oct20.getDecimal(0);
    BigDecimal prevCmr = oct20.getDecimal(1);
    // by hand: Oct 1-20 gmv = 20*1000 + 10*210 = 22,100.00; cmr = 20*50 + 210 = 1,210.00; comp
    // 30.00
    assertEquals(0, prevGmv.compareTo(new BigDecimal("22100.00")));
    assertEquals(0, prevCmr.compareTo(new BigDecimal("1210.00")));
    String html = tilesHtml();
    assertEquals(money(gmv), tile(html, "gmv", "current")); // 24,100.00
    assertEquals(money(prevGmv), tile(html, "gmv", "previous")); // 22,100.00
    assertEquals("+" + money(gmv.subtract(prevGmv)), tile(html, "gmv", "change")); // +2,000.00
    assertEquals(
        pct(gmv.subtract(prevGmv), prevGmv, true), tile(html, "gmv", "change_pct")); // +9.05%
    assertEquals(money(cmr), tile(html, "cmr", "current")); // 1,410.00
    assertEquals(money(prevCmr), tile(html, "cmr", "previous")); // 1,210.00
    assertEquals(
        pct(cmr.subtract(prevCmr), prevCmr, true), tile(html, "cmr", "change_pct")); // +16.53%
    assertEquals(money(nov.getAs("compensation")), tile(html, "compensation", "current")); // 22.50
    assertEquals(money(oct20.getDecimal(2)), tile(html, "compensation", "previous")); // 30.00
    // take rate: 1410 / 24100 = 5.85%; like for like 1210 / 22100 = 5.48%
    assertEquals(
        pct(BigDecimal.valueOf((double) nov.getAs("take_rate")), BigDecimal.ONE, false),
        tile(html, "take_rate", "current"));
    assertEquals(pct(prevCmr, prevGmv, false), tile(html, "take_rate", "previous"));
    // MAU 1,000 against mau_prev_same_days 880: net adds +120, growth +13.64%
    long mau = nov.getAs("mau");
    long prevMau = nov.getAs("mau_prev_same_days");
    assertEquals(String.format("%,d", mau), tile(html, "mau", "current"));
    assertEquals(String.format("%,d", prevMau), tile(html, "mau", "previous"));
    assertEquals(String.format("+%,d", mau - prevMau), tile(html, "mau", "change"));
    assertEquals(
        pct(BigDecimal.valueOf(mau - prevMau), BigDecimal.valueOf(prevMau), true),
        tile(html, "mau", "change_pct"));
    assertTrue(
        html.contains("2026-10 1-20"), "the previous column says it covers the same 20 days");
    // the growth chart compares the unfinished month like for like too: +9.05% and +16.53%
    String growth = outputsText("overview", "growth");
    assertTrue(
        growth.contains(
            "2026-11: GMV "
                + pct(gmv.subtract(prevGmv), prevGmv, true)
                + " and CMR "
                + pct(cmr.subtract(prevCmr), prevCmr, true)
                + " month over month"),
        growth);
    // 8 provisional days (Nov 13-20) are stated in the reading
    assertTrue(
        outputsText("overview", "headline").contains("8 day(s) of the month are provisional"));
    assertTrue(
        outputsText("overview", "mau-daily")
            .contains("8 provisional day(s) from 2026-11-13 to 2026-11-20"));
  }

  @Test
  void transitionsAndChannelRoiEqualTheGoldTables() throws IOException {
    Path gold = root.resolve("warehouse").resolve("gold");
    String html = outputsText("overview", "tier-transitions");
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(gold.resolve("tier_transitions").toString())
            .where(col("month").equalTo("2026-11"))
            .collectAsList()) {
      String from = r.getAs("from_tier");
      String to = r.getAs("to_tier");
      long users = r.getAs("users");
      Matcher m =
          Pattern.compile(
                  "<tr data-key=\""
                      + from
                      + "\">(?:(?!</tr>).)*?>"
                      + label(to)
                      + "</td><td[^>]*data-col=\"users\">([^<]*)</td>")
              .matcher(html);
      assertTrue(m.find(), from + "->" + to + " in " + html);
      assertEquals(String.format("%,d", users), m.group(1));
    }
    // up = U->C 3 + C->M 2 + M->V 1 = 6, down = C->U 4, new = 5
    assertTrue(html.contains("6 users moved up the ladder, 4 moved down and 5 registered"), html);

    String roi = outputsText("merchants", "roi-channel");
    Dataset<Row> ccd =
        spark
            .read()
            .format("delta")
            .load(gold.resolve("campaign_channel_daily").toString())
            .where(col("date").between("2026-11-01", "2026-11-20"));
    for (Row r : ccd.groupBy("channel").agg(sum("spend"), sum("attributed_gmv")).collectAsList()) {
      BigDecimal spend = r.getDecimal(1);
      BigDecimal gmv = r.getDecimal(2);
      // by hand: search 600/200 = 3.00, homepage_feed 150/100 = 1.50, offsite_wechat 0/50 = 0.00
      String expected = gmv.divide(spend, 2, RoundingMode.HALF_UP).toPlainString();
      Matcher m =
          Pattern.compile(
                  "<tr data-key=\"" + r.getString(0) + "\">.*?data-col=\"roi\">([^<]*)</td>")
              .matcher(roi);
      assertTrue(m.find(), r.getString(0));
      assertEquals(expected, m.group(1), r.getString(0));
    }
    // all channels: (600 + 150 + 0) / (200 + 100 + 50) = 750 / 350 = 2.142857
    assertTrue(roi.contains("all channels together 2.14"), roi);
  }

  @Test
  void htmlRendersInHeadlessChromium() throws IOException {
    String chromium = ExternalTools.chromium();
    for (String name : DashboardExporter.NOTEBOOKS) {
      String check = Chromium.check(chromium, exported(name + ".html"));
      Matcher m =
          Pattern.compile("CMR-CHECK images=(\\d+) loaded=(\\d+) height=(\\d+)").matcher(check);
      assertTrue(
          m.find(),
          name
              + ": no check marker in the DOM: "
              + check.substring(0, Math.min(500, check.length())));
      int images = Integer.parseInt(m.group(1));
      assertTrue(images >= 4, name + " charts: " + images);
      assertEquals(images, Integer.parseInt(m.group(2)), name + ": every chart image loaded");
      assertTrue(Integer.parseInt(m.group(3)) > 3000, name + " page height " + m.group(3));
      for (String bad :
          List.of("could not be drawn", "Exception", "No data yet", "{month}", "{first.")) {
        assertFalse(check.contains(bad), name + " shows " + bad);
      }
    }
    Path shot =
        Chromium.screenshot(
            chromium, exported("overview.html"), Path.of("target", "dashboard-overview.png"));
    Chromium.assertPainted(shot);
  }

  @Test
  void chineseDashboardsUseARealCjkFont() throws IOException {
    Path zhExports = root.resolve("exports-zh");
    CmrConfig zh =
        TestSpark.config(
            root, Map.of("dashboard.locale", "zh-CN", "paths.exports", zhExports.toString()));
    if (Fonts.cjkFamily().isEmpty()) {
      ExternalTools.missing("a CJK font (Debian package fonts-noto-cjk)");
    }
    DashboardExporter.Result r = DashboardExporter.export(spark, zh, D);
    assertEquals("zh-CN", r.locale());
    String family = r.font();
    assertEquals(Fonts.cjkFamily().orElseThrow(), family);
    // every Chinese label of the definitions can be drawn with the chosen font
    for (String name : DashboardExporter.NOTEBOOKS) {
      List<String> labels = new ArrayList<>();
      collectChinese(DashboardExporter.definition(name), labels);
      assertTrue(labels.size() > 20, name);
      for (String label : labels) {
        assertTrue(
            Fonts.canDisplay(family, label.replaceAll("[{}|.%\\w\\s]", "")),
            family + " cannot show " + label);
      }
    }
    Path html = r.folder().resolve("overview.html");
    String text = read(html);
    assertTrue(text.contains("lang=\"zh-CN\""));
    assertTrue(text.contains("管理层总览"));
    assertTrue(text.contains("客户管理收入"));
    JsonNode nb = new ObjectMapper().readTree(r.folder().resolve("overview.ipynb").toFile());
    assertEquals(family, nb.path("metadata").path("cmr").path("font").asText());
    assertNull(
        ExternalTools.validate(ExternalTools.python(), r.folder().resolve("overview.ipynb")));
    String chromium = ExternalTools.chromium();
    String check = Chromium.check(chromium, html);
    Matcher m = Pattern.compile("CMR-CHECK images=(\\d+) loaded=(\\d+)").matcher(check);
    assertTrue(m.find());
    assertEquals(m.group(1), m.group(2));
    Chromium.assertPainted(
        Chromium.screenshot(chromium, html, Path.of("target", "dashboard-overview-zh-CN.png")));
  }

  private static void collectChinese(JsonNode n, List<String> out) {
    if (n.isObject()) {
      n.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("zh-CN") && e.getValue().isTextual()) {
                  out.add(e.getValue().asText());
                } else {
                  collectChinese(e.getValue(), out);
                }
              });
    } else if (n.isArray()) {
      n.forEach(c -> collectChinese(c, out));
    }
  }

  private static String label(String tier) {
    return switch (tier) {
      case "NEW" -> "New";
      case "L" -> "L lapsed";
      case "U" -> "U user";
      case "C" -> "C consumer";
      case "M" -> "M mature";
      default -> "V 88VIP";
    };
  }

  static String money(BigDecimal v) {
    return String.format("%,.2f", v.setScale(2, RoundingMode.HALF_UP));
  }

  static String pct(BigDecimal num, BigDecimal den, boolean signed) {
    BigDecimal p = num.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
    return (signed && p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
  }

  static String tilesHtml() throws IOException {
    return outputsText("overview", "headline");
  }

  static String tile(String html, String metric, String column) {
    Matcher row = Pattern.compile("<tr data-key=\"" + metric + "\">(.*?)</tr>").matcher(html);
    assertTrue(row.find(), metric);
    Matcher cell =
        Pattern.compile("data-col=\"" + column + "\">([^<]*)</td>").matcher(row.group(1));
    assertTrue(cell.find(), metric + "." + column);
    return cell.group(1);
  }

  /** All text/html and text/plain outputs of one cell, joined. */
  static String outputsText(String notebook, String cellId) throws IOException {
    StringBuilder b = new StringBuilder();
    for (JsonNode cell : notebook(notebook).path("cells")) {
      if (cell.path("id").asText().equals(cellId)) {
        for (JsonNode o : cell.path("outputs")) {
          b.append(NotebookRenderer.join(o.path("data").get("text/html"))).append('\n');
          b.append(NotebookRenderer.join(o.path("data").get("text/plain"))).append('\n');
        }
      }
    }
    return b.toString();
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
