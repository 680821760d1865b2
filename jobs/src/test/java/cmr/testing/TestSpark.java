package cmr.testing;

import cmr.config.CmrConfig;
import cmr.spark.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM (local[2], UI off, 2 shuffle partitions, Delta on) and small
 * helpers for fixtures and assertions.
 */
public final class TestSpark {
  private static SparkSession spark;

  private TestSpark() {}

  /** Test config: packaged defaults with few partitions; paths under {@code root}. */
  public static CmrConfig config(Path root, Map<String, String> overrides) {
    Map<String, String> o = new HashMap<>();
    o.put("spark.master", "local[2]");
    o.put("spark.shuffle_partitions", "2");
    o.putAll(overrides);
    return CmrConfig.defaults(o)
        .withPaths(root.resolve("landing").toString(), root.resolve("warehouse").toString());
  }

  public static synchronized SparkSession spark() {
    if (spark == null && Boolean.getBoolean("cmr.bench")) {
      // Opt-in benchmarks (-Dcmr.bench=true) measure the production settings of
      // conf/application.conf (code generation, AQE, 4 shuffle partitions), not the test ones.
      spark = SparkSessions.getOrCreate(CmrConfig.defaults(Map.of()));
      spark.sparkContext().setLogLevel("ERROR");
    }
    if (spark == null) {
      // Test-only settings for tiny data: one shuffle partition, no code generation (compiling
      // generated code costs more than interpreting a few rows), no adaptive re-planning.
      spark =
          SparkSessions.getOrCreate(
              config(
                  Path.of("target"),
                  Map.of(
                      "spark.shuffle_partitions", "1",
                      "spark.extra.\"spark.sql.codegen.wholeStage\"", "false",
                      "spark.extra.\"spark.sql.codegen.factoryMode\"", "NO_CODEGEN",
                      "spark.extra.\"spark.sql.adaptive.enabled\"", "false",
                      "spark.extra.\"spark.default.parallelism\"", "2",
                      "spark.extra.\"spark.databricks.delta.snapshotPartitions\"", "1")));
      spark.sparkContext().setLogLevel("ERROR");
    }
    return spark;
  }

  public static Path tempDir(String prefix) {
    try {
      Path base = Path.of("target", "test-tmp");
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of a query as sorted strings, for readable comparisons. */
  public static List<String> rows(Dataset<Row> df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(r.mkString("|"));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
