package cmr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Extra Spark settings reach Spark under their own key however the shell left the quotes; the
 * published and exports folders are local paths or refused.
 */
class CmrConfigTest {
  @Test
  void publishedAndExportsUnderALocalWarehouseAreLocalFolders() {
    CmrConfig c = CmrConfig.defaults(Map.of("paths.warehouse", "/srv/wh"));
    assertEquals(Path.of("/srv/wh/published/coefficients"), c.paths().publishedFolder());
    assertEquals(Path.of("/srv/wh/exports"), c.paths().exportsFolder());
    CmrConfig uri =
        CmrConfig.defaults(
            Map.of("paths.warehouse", "hdfs:///wh", "paths.exports", "file:///srv/exports"));
    assertEquals(Path.of("/srv/exports"), uri.paths().exportsFolder());
  }

  @Test
  void theClusterExamplesLoadWithLocalPublishedAndExportsFolders() throws Exception {
    Path conf = Path.of(System.getProperty("cmr.repo.root", ".."), "conf");
    List<Path> examples;
    try (Stream<Path> s = Files.list(conf)) {
      examples = s.filter(p -> p.getFileName().toString().startsWith("cluster-")).sorted().toList();
    }
    assertEquals(4, examples.size(), examples.toString()); // example, k8s, s3, yarn
    for (Path p : examples) {
      CmrConfig c = CmrConfig.load(p, Map.of());
      assertTrue(c.paths().publishedFolder().isAbsolute(), p.toString());
      assertTrue(c.paths().exportsFolder().isAbsolute(), p.toString());
      assertTrue(c.paths().warehouse().contains("://"), p.toString());
    }
  }

  @Test
  void aFolderOnHdfsIsRefusedNamingTheSetting() {
    // relative under an hdfs warehouse: today's cluster example without the two settings
    CmrConfig c = CmrConfig.defaults(Map.of("paths.warehouse", "hdfs:///data/wh"));
    CmrException e = assertThrows(CmrException.class, () -> c.paths().publishedFolder());
    assertTrue(
        e.getMessage().contains("paths.published")
            && e.getMessage().contains("hdfs:///data/wh/published/coefficients")
            && e.getMessage().contains("local or mounted"),
        e.getMessage());
    CmrConfig s3 = CmrConfig.defaults(Map.of("paths.exports", "s3a://bucket/exports"));
    CmrException e2 = assertThrows(CmrException.class, () -> s3.paths().exportsFolder());
    assertTrue(e2.getMessage().contains("paths.exports: is s3a://bucket/exports"), e2.getMessage());
  }

  @Test
  void packagedExtraKeysKeepTheirDots() {
    Map<String, String> extra = CmrConfig.defaults(Map.of()).spark().extra();
    assertEquals("false", extra.get("spark.ui.enabled"));
    assertFalse(extra.containsKey("spark"));
  }

  @Test
  void quotedOverrideIsOneSparkKey() {
    Map<String, String> extra =
        CmrConfig.defaults(Map.of("spark.extra.\"spark.eventLog.enabled\"", "true"))
            .spark()
            .extra();
    assertEquals("true", extra.get("spark.eventLog.enabled"));
  }

  @Test
  void overrideWhoseQuotesTheShellStrippedIsTheSameSparkKey() {
    // what bash passes for -Dspark.extra."spark.eventLog.dir"=file:///tmp/ev typed unquoted
    Map<String, String> extra =
        CmrConfig.defaults(
                Map.of(
                    "spark.extra.spark.eventLog.dir",
                    "file:///tmp/ev",
                    "spark.extra.spark.sql.codegen.wholeStage",
                    "false"))
            .spark()
            .extra();
    assertEquals("file:///tmp/ev", extra.get("spark.eventLog.dir"));
    assertEquals("false", extra.get("spark.sql.codegen.wholeStage"));
    assertEquals("false", extra.get("spark.ui.enabled"));
    assertFalse(extra.containsKey("spark"));
  }

  @Test
  void theModelsNumbersAreNamedKeysAndAnUnknownOneIsAConfigError() {
    // conf/application.conf: roi_margin_ok = 0.025 (the value the model was evaluated with)
    assertEquals(0.025, CmrConfig.defaults(Map.of()).coefficients().model().get("roi_margin_ok"));
    assertEquals(
        0.03,
        CmrConfig.defaults(Map.of("coefficients.model.roi_margin_ok", "0.03"))
            .coefficients()
            .model()
            .get("roi_margin_ok"));
    cmr.errors.CmrException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            cmr.errors.CmrException.class,
            () -> CmrConfig.defaults(Map.of("coefficients.model.roi_margin_okk", "0.03")));
    assertEquals(cmr.errors.Errors.USAGE, e.exitCode());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.oneLine().contains("coefficients.model.roi_margin_okk"), e.oneLine());
  }
}
