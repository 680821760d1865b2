package cmr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunOptions;
import cmr.step.StepResult;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A warehouse with only daily_kpis: sections say "no data yet"; LATEST never moves back. */
class DashboardPublishTest {
  static final LocalDate D = LocalDate.parse("2026-11-20");
  static CmrConfig cfg;
  static Path exports;

  @BeforeAll
  static void fixture() {
    Path root = TestSpark.tempDir("dash-partial");
    cfg = TestSpark.config(root, Map.of());
    exports = cfg.paths().exportsFolder();
    GoldFixture.daily(root.resolve("warehouse"));
  }

  @Test
  void missingTablesSayNoDataYetAndLatestNeverMovesBack() throws IOException {
    DashboardExporter.Result r = DashboardExporter.export(TestSpark.spark(), cfg, D);
    assertTrue(r.latestMoved());
    assertTrue(r.failed().isEmpty(), r.failed().toString());
    assertTrue(r.figures() >= 2, "the daily figures are drawn: " + r.figures());
    assertTrue(r.empty() >= 10, "the other sections have no data yet: " + r.empty());
    String overview =
        Files.readString(r.folder().resolve("overview.ipynb"), StandardCharsets.UTF_8);
    assertTrue(
        overview.contains("No data yet: gold table(s) monthly_kpis not found"),
        "headline says no data yet");
    String python = ExternalTools.python();
    for (String name : DashboardExporter.NOTEBOOKS) {
      assertNull(ExternalTools.validate(python, r.folder().resolve(name + ".ipynb")), name);
    }
    assertEquals(r.folder().getFileName() + "\n", latest());

    // a rerun of an older date writes its folder but does not move LATEST back
    DashboardExporter.Result older =
        DashboardExporter.export(TestSpark.spark(), cfg, D.minusDays(1));
    assertFalse(older.latestMoved());
    assertTrue(Files.isRegularFile(older.folder().resolve("overview.html")));
    assertEquals(r.folder().getFileName() + "\n", latest());

    // a rerun of the same date publishes a new version; the replaced one stays for the reader
    // grace period; no temporary folders or files are left
    DashboardExporter.Result again = DashboardExporter.export(TestSpark.spark(), cfg, D);
    assertEquals(again.folder().getFileName() + "\n", latest());
    try (Stream<Path> s = Files.list(exports)) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(
          List.of(
              "LATEST",
              "index.html",
              r.folder().getFileName().toString(),
              older.folder().getFileName().toString(),
              again.folder().getFileName().toString()),
          names);
    }
  }

  @Test
  void withoutACjkFontChineseFallsBackToEnglishWithANotice() throws IOException {
    Path other = TestSpark.tempDir("dash-nofont");
    CmrConfig zh =
        TestSpark.config(
            Path.of(cfg.paths().warehouse()).getParent(),
            Map.of("dashboard.locale", "zh-CN", "paths.exports", other.toString()));
    DashboardExporter.Result r =
        DashboardExporter.export(
            TestSpark.spark(),
            zh,
            D,
            lang ->
                lang.chinese() ? java.util.Optional.empty() : java.util.Optional.of("SansSerif"));
    assertEquals("en", r.locale());
    String html = Files.readString(r.folder().resolve("overview.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("no CJK font was found on this machine"), "English notice");
    assertTrue(html.contains("fonts-noto-cjk"), "names the package to install");
    assertTrue(html.contains("Executive overview"), "labels fall back to English");
  }

  @Test
  void theStepIsSkippedForInnerBackfillDates() {
    RunContext ctx =
        new RunContext(
            TestSpark.spark(),
            cfg,
            new Warehouse(cfg.paths().warehouse()),
            D,
            "test-run",
            RunOptions.defaults().withTrainAndExport(false),
            Progress.silent());
    StepResult r = new ExportStep().run(ctx);
    assertTrue(r.detail().startsWith("skipped"), r.detail());
  }

  private static String latest() throws IOException {
    return Files.readString(exports.resolve("LATEST"), StandardCharsets.UTF_8);
  }
}
