package cmr.dashboard;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.warehouse.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

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

/**
 * Renders every dashboard notebook of {@link #NOTEBOOKS} (definitions packaged under
 * {@code notebooks-export/} on the classpath) against the gold tables for a run date, writes
 * {@code <name>.ipynb} and {@code <name>.html} to {@code <exports>/<date>/}, and points
 * {@code <exports>/LATEST} at it (never backwards). Reads gold only; cost: a few dozen small Spark
 * queries and a dozen PNG charts, seconds on small data.
 */
public final class DashboardExporter {
  private static final Logger LOG = LogManager.getLogger(DashboardExporter.class);
  /** The notebooks exported, in reading order (files {@code notebooks-export/<name>.ipynb}). */
  public static final List<String> NOTEBOOKS = List.of("overview", "merchants");

  /** What an export wrote. */
  public record Result(Path folder, List<Path> files, boolean latestMoved, int figures, int empty,
                       List<String> failed, String font, String locale) {
    public String detail() {
      return String.format("%s: %d files, %d figures, %d sections without data, %d failed, locale %s, font %s, LATEST %s",
          folder, files.size(), figures, empty, failed.size(), locale, font,
          latestMoved ? "moved" : "kept (a later date is live)");
    }
  }

  private DashboardExporter() {}

  public static Result export(SparkSession spark, CmrConfig cfg, LocalDate runDate) {
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    GoldCatalog catalog = GoldCatalog.register(spark, wh);
    Lang lang = new Lang(cfg.dashboard().locale());
    List<String> notes = new ArrayList<>();
    Optional<String> family = Fonts.family(lang);
    if (family.isEmpty()) {
      LOG.warn("dashboard.locale = zh-CN but no CJK font is installed; charts use English labels. "
          + "Install fonts-noto-cjk (Debian/Ubuntu) and rerun the export.");
      notes.add(lang.say("font_fallback"));
      notes.add(Lang.EN.say("font_fallback"));
      lang = Lang.EN;
      family = Fonts.family(lang);
    }
    String font = family.orElseThrow();
    ExportPublisher publisher = new ExportPublisher(exportsDir(cfg));
    Path staged = publisher.staging(runDate);
    List<Path> files = new ArrayList<>();
    int figures = 0;
    int empty = 0;
    List<String> failed = new ArrayList<>();
    try {
      for (String name : NOTEBOOKS) {
        ObjectNode def = definition(name);
        NotebookRenderer renderer = new NotebookRenderer(spark, catalog, lang, font, runDate, notes);
        ObjectNode nb = renderer.render(def, font);
        Path ipynb = staged.resolve(name + ".ipynb");
        Files.writeString(ipynb, NotebookRenderer.JSON.writer()
            .with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(nb) + "\n", StandardCharsets.UTF_8);
        Path html = staged.resolve(name + ".html");
        Files.writeString(html, NotebookHtml.render(nb, lang), StandardCharsets.UTF_8);
        files.add(ipynb.getFileName());
        files.add(html.getFileName());
        figures += renderer.stats().figures;
        empty += renderer.stats().empty;
        failed.addAll(renderer.stats().failed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean moved = publisher.publish(staged, runDate);
    Path folder = exportsDir(cfg).resolve(runDate.toString());
    return new Result(folder, files.stream().map(folder::resolve).toList(), moved, figures, empty,
        failed, font, lang.code());
  }

  /** The exports folder; a local or mounted file system, since publication relies on rename. */
  static Path exportsDir(CmrConfig cfg) {
    String dir = cfg.paths().exportsDir();
    if (dir.startsWith("file:")) {
      return Path.of(java.net.URI.create(dir));
    }
    if (dir.contains("://")) {
      throw Errors.config("paths.exports", "is " + dir + ", not a local or mounted folder",
          "set cmr.paths.exports to a folder on a local or mounted file system (the export publishes by rename)");
    }
    return Path.of(dir);
  }

  /** The definition {@code notebooks-export/<name>.ipynb} from the classpath. */
  public static ObjectNode definition(String name) {
    String resource = "notebooks-export/" + name + ".ipynb";
    try (InputStream in = DashboardExporter.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw Errors.step("export", resource, "is not on the classpath",
            null);
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
