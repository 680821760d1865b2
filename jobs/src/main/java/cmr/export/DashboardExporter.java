package cmr.export;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.warehouse.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Renders every dashboard notebook of {@link #NOTEBOOKS} (definitions packaged under {@code
 * notebooks-export/} on the classpath) against the gold tables for a run date, writes {@code
 * <name>.ipynb} and {@code <name>.html} to {@code <exports>/<date>/}, and points {@code
 * <exports>/LATEST} at it (never backwards). Reads gold only; cost: a few dozen small Spark queries
 * and a dozen PNG charts, seconds on small data.
 */
public final class DashboardExporter {
  private static final Logger LOG = LogManager.getLogger(DashboardExporter.class);

  /** The notebooks exported, in reading order (files {@code notebooks-export/<name>.ipynb}). */
  public static final List<String> NOTEBOOKS = List.of("overview", "merchants");

  /** Figure queries are small and latency-bound: this many run at once. */
  static final int QUERY_THREADS = 4;

  /** What an export wrote. */
  public record Result(
      Path folder,
      List<Path> files,
      boolean latestMoved,
      int figures,
      int empty,
      List<String> failed,
      String font,
      String locale,
      String timing) {
    public String detail() {
      return String.format(
          "%s: %d files, %d figures, %d sections without data, %d failed%s, locale %s, font %s, LATEST %s, %s",
          folder,
          files.size(),
          figures,
          empty,
          failed.size(),
          failed.isEmpty() ? "" : " " + failed,
          locale,
          font,
          latestMoved ? "moved" : "kept (a later date is live)",
          timing);
    }
  }

  private DashboardExporter() {}

  public static Result export(SparkSession spark, CmrConfig cfg, LocalDate runDate) {
    return export(spark, cfg, runDate, Fonts::family);
  }

  /** As {@link #export(SparkSession, CmrConfig, LocalDate)} with the font lookup given (tests). */
  static Result export(
      SparkSession spark,
      CmrConfig cfg,
      LocalDate runDate,
      java.util.function.Function<Lang, Optional<String>> fonts) {
    long start = System.nanoTime();
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            QUERY_THREADS,
            r -> {
              Thread t = new Thread(r, "cmr-dashboard-query");
              t.setDaemon(true);
              return t;
            });
    try {
      return export(spark, cfg, runDate, fonts, wh, pool, start);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Result export(
      SparkSession spark,
      CmrConfig cfg,
      LocalDate runDate,
      java.util.function.Function<Lang, Optional<String>> fonts,
      Warehouse wh,
      java.util.concurrent.ExecutorService pool,
      long start) {
    GoldCatalog catalog = GoldCatalog.register(spark, wh, pool);
    long catalogMs = (System.nanoTime() - start) / 1_000_000;
    Lang lang = new Lang(cfg.dashboard().locale());
    List<String> notes = new ArrayList<>();
    Optional<String> family = fonts.apply(lang);
    if (family.isEmpty()) {
      LOG.warn(
          "dashboard.locale = zh-CN but no CJK font is installed; charts use English labels. "
              + "Install fonts-noto-cjk (Debian/Ubuntu) and rerun the export.");
      notes.add(lang.say("font_fallback"));
      notes.add(Lang.EN.say("font_fallback"));
      lang = Lang.EN;
      family = fonts.apply(lang);
    }
    String font = family.orElseThrow();
    ExportPublisher publisher =
        new ExportPublisher(cfg.paths().exportsFolder(), cfg.publication().readerGrace());
    ExportPublisher.Staged stage = publisher.staging(runDate);
    Path staged = stage.dir();
    List<Path> files = new ArrayList<>();
    int figures = 0;
    int empty = 0;
    List<String> failed = new ArrayList<>();
    long waitMs = 0;
    long chartMs = 0;
    try {
      List<ObjectNode> defs = new ArrayList<>();
      List<NotebookRenderer> renderers = new ArrayList<>();
      for (String name : NOTEBOOKS) {
        ObjectNode def = definition(name);
        NotebookRenderer renderer =
            new NotebookRenderer(spark, catalog, lang, font, runDate, notes);
        renderer.prefetch(def, pool);
        defs.add(def);
        renderers.add(renderer);
      }
      for (int i = 0; i < NOTEBOOKS.size(); i++) {
        String name = NOTEBOOKS.get(i);
        NotebookRenderer renderer = renderers.get(i);
        ObjectNode nb = renderer.render(defs.get(i), font);
        Path ipynb = staged.resolve(name + ".ipynb");
        Files.writeString(
            ipynb,
            NotebookRenderer.JSON
                    .writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(nb)
                + "\n",
            StandardCharsets.UTF_8);
        Path html = staged.resolve(name + ".html");
        Files.writeString(html, NotebookHtml.render(nb, lang), StandardCharsets.UTF_8);
        files.add(ipynb.getFileName());
        files.add(html.getFileName());
        figures += renderer.stats().figures;
        empty += renderer.stats().empty;
        failed.addAll(renderer.stats().failed);
        waitMs += renderer.stats().waitMs;
        chartMs += renderer.stats().chartMs;
      }
    } catch (IOException e) {
      cmr.loader.VersionedFolder.deleteTree(staged);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      cmr.loader.VersionedFolder.deleteTree(staged);
      throw e;
    }
    ExportPublisher.Published published = publisher.publish(stage);
    boolean moved = published.latestMoved();
    Path folder = published.folder();
    String timing =
        String.format(
            "%.1fs (tables %.1fs, waiting for queries %.1fs, charts %.1fs)",
            (System.nanoTime() - start) / 1e9, catalogMs / 1e3, waitMs / 1e3, chartMs / 1e3);
    LOG.info("dashboards for {} exported in {}", runDate, timing);
    return new Result(
        folder,
        files.stream().map(folder::resolve).toList(),
        moved,
        figures,
        empty,
        failed,
        font,
        lang.code(),
        timing);
  }

  /** The definition {@code notebooks-export/<name>.ipynb} from the classpath. */
  public static ObjectNode definition(String name) {
    String resource = "notebooks-export/" + name + ".ipynb";
    try (InputStream in = DashboardExporter.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw Errors.step("export", resource, "is not on the classpath", null);
      }
      JsonNode n = NotebookRenderer.JSON.readTree(in);
      if (!(n instanceof ObjectNode o)) {
        throw Errors.step("export", resource, "is not a notebook (JSON object expected)", null);
      }
      return o;
    } catch (IOException e) {
      throw Errors.step("export", resource, "cannot be read: " + e.getMessage(), e);
    }
  }
}
