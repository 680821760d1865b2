package cmr.sql;

import cmr.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads the statements under {@code sql/} (packaged in the jar) and runs them with Spark's named
 * parameters ({@code :run_date} in the text, values in the map). Values are never concatenated into
 * SQL text.
 */
public final class SqlFiles {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SqlFiles() {}

  /** The text of {@code sql/<name>.sql}, e.g. {@code text("gold/daily_kpis")}. */
  public static String text(String name) {
    return CACHE.computeIfAbsent(name, SqlFiles::read);
  }

  /**
   * The metric functions of {@code sql/metrics/} (cmr, take_rate, growth): the one definition of
   * each, registered in a session before its first SQL file runs.
   */
  public static final List<String> METRIC_FUNCTIONS =
      List.of("metrics/cmr", "metrics/take_rate", "metrics/growth");

  private static final Set<SparkSession> WITH_FUNCTIONS =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** Runs {@code sql/<name>.sql} with named parameters. */
  public static Dataset<Row> run(SparkSession spark, String name, Map<String, Object> args) {
    registerFunctions(spark);
    return spark.sql(text(name), args);
  }

  /** Registers the metric functions in {@code spark} (once per session; idempotent). */
  public static void registerFunctions(SparkSession spark) {
    if (WITH_FUNCTIONS.add(spark)) {
      for (String f : METRIC_FUNCTIONS) {
        spark.sql(text(f));
      }
    }
  }

  private static String read(String name) {
    String resource = "sql/" + name + ".sql";
    try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw Errors.step("sql", resource, "is not on the classpath", null);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      while (text.endsWith(";")) {
        text = text.substring(0, text.length() - 1).trim();
      }
      return text;
    } catch (IOException e) {
      throw Errors.step("sql", resource, e.getMessage(), e);
    }
  }
}
