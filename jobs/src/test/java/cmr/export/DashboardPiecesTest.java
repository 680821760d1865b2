package cmr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces, without Spark: number formats, reading templates, Markdown, LATEST. */
class DashboardPiecesTest {
  static final QueryResult R =
      new QueryResult(
          List.of("channel", "spend", "roi"),
          List.of(
              new Object[] {"search", new BigDecimal("200.00"), 3.0},
              new Object[] {"live", new BigDecimal("1234567.005"), null},
              new Object[] {"offsite_wechat", new BigDecimal("50.00"), 0.125}),
          false);

  @Test
  void formatsByUnit() {
    assertEquals(
        "1,234,567.01", Formats.format(new BigDecimal("1234567.005"), "CNY", Lang.EN)); // half-up
    assertEquals("+9.05%", Formats.format(2000.0 / 22100.0, "s%", Lang.EN)); // 0.090498 -> 9.05
    assertEquals("-25.00%", Formats.format(-0.25, "s%", Lang.EN));
    assertEquals(
        "+0.38 pp", Formats.format(1410.0 / 24100 - 1210.0 / 22100, "spp", Lang.EN)); // 0.0037553
    assertEquals("+120", Formats.format(120L, "susers", Lang.EN));
    assertEquals("n/a", Formats.format(null, "CNY", Lang.EN));
    assertEquals("无", Formats.format(null, "CNY", Lang.ZH));
    assertEquals("n/a", Formats.format(Double.NaN, "%", Lang.EN));
  }

  @Test
  void readingTemplates() throws IOException {
    var columns =
        new ObjectMapper()
            .readTree(
                "{\"channel\": {\"values\": {\"search\": {\"en\": \"Search\", \"zh-CN\": \"搜索\"}}}}");
    String t =
        "{first.channel|label}: {first.roi|x} on {first.spend|CNY}; last {last.channel}; "
            + "max {max.roi|x}, sum {sum.spend|CNY}, {rows} rows, {live.roi|x}, {run_date}";
    // sum = 200.00 + 1,234,567.005 + 50.00 = 1,234,817.005 -> 1,234,817.01 (half-up)
    assertEquals(
        "Search: 3.00 on 200.00; last offsite_wechat; max 3.00, sum 1,234,817.01, 3 rows, n/a, 2026-11-20",
        Readings.fill(t, R, Map.of("run_date", "2026-11-20"), Lang.EN, columns));
    assertEquals("搜索", Readings.fill("{first.channel|label}", R, Map.of(), Lang.ZH, columns));
  }

  @Test
  void markdownSubsetIsEscaped() {
    String html =
        Markdown.toHtml(
            "# Title <b>\n\nSome **bold** and `code` text\nwrapped.\n\n- one *two*\n- three\n\nEnd");
    assertEquals(
        "<h1>Title &lt;b&gt;</h1>\n<p>Some <strong>bold</strong> and <code>code</code> text wrapped.</p>\n"
            + "<ul>\n<li>one <em>two</em></li>\n<li>three</li>\n</ul>\n<p>End</p>\n",
        html);
  }

  @Test
  void textTableAlignsWideCharacters() {
    String t =
        TextTable.render(
            List.of("k", "v"),
            List.<Object[]>of(new Object[] {"成交额", 1}, new Object[] {"gmv", null}));
    assertEquals(
        "+--------+------+\n| k      | v    |\n+--------+------+\n| 成交额 | 1    |\n| gmv    | NULL |\n+--------+------+\n",
        t);
  }

  @Test
  void latestIsReplacedAtomicallyAndNeverMovesBack() throws IOException {
    Path dir = cmr.testing.TestSpark.tempDir("latest");
    Path exports = dir.resolve("exports");
    ExportPublisher p = new ExportPublisher(exports, java.time.Duration.ZERO);
    ExportPublisher.Staged a = p.staging(LocalDate.parse("2026-11-20"));
    Files.writeString(a.dir().resolve("overview.html"), "first");
    assertTrue(p.publish(a).latestMoved());
    ExportPublisher.Staged b = p.staging(LocalDate.parse("2026-11-18"));
    assertFalse(p.publish(b).latestMoved());
    assertEquals(LocalDate.parse("2026-11-20"), p.latest().orElseThrow());
    ExportPublisher.Staged c = p.staging(LocalDate.parse("2026-11-21"));
    assertTrue(p.publish(c).latestMoved());
    assertEquals(c.version() + "\n", Files.readString(exports.resolve("LATEST")));
    assertEquals("first", Files.readString(exports.resolve(a.version()).resolve("overview.html")));
    // a rerun of Nov 20: a new version; with no grace period the replaced one is pruned at once
    ExportPublisher.Staged a2 = p.staging(LocalDate.parse("2026-11-20"));
    Files.writeString(a2.dir().resolve("overview.html"), "second");
    ExportPublisher.Published r = p.publish(a2);
    assertFalse(r.latestMoved());
    assertEquals(List.of(a.version()), r.pruned());
    // the index links every date to its newest version, newest date first
    String index = Files.readString(exports.resolve(ExportPublisher.INDEX));
    assertTrue(index.contains("href=\"" + c.version() + "/overview.html\">2026-11-21</a>"), index);
    assertTrue(index.contains(a2.version() + "/merchants.html"), index);
    assertTrue(index.contains(b.version() + "/overview.ipynb"), index);
    assertFalse(index.contains(a.version()), index);
    assertTrue(index.indexOf("2026-11-21") < index.indexOf("2026-11-18"), index);
    try (var s = Files.list(exports)) {
      assertEquals(
          java.util.Set.of(a2.version(), b.version(), c.version(), "LATEST", "index.html"),
          s.map(x -> x.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
          "no staging folder or temporary file is left");
    }
  }

  @Test
  void aReplacedVersionStaysForTheReaderGracePeriod() throws IOException {
    Path exports = cmr.testing.TestSpark.tempDir("grace").resolve("exports");
    ExportPublisher p = new ExportPublisher(exports, java.time.Duration.ofMinutes(10));
    ExportPublisher.Staged a = p.staging(LocalDate.parse("2026-11-20"));
    p.publish(a);
    ExportPublisher.Published r = p.publish(p.staging(LocalDate.parse("2026-11-20")));
    assertEquals(List.of(), r.pruned());
    assertTrue(Files.isDirectory(exports.resolve(a.version())), "a reader may still hold it");
  }
}
