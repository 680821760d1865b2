package cmr.sql;

import cmr.errors.Errors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the statements under {@code sql/} (packaged in the jar) and runs them with Spark's named
 * parameters ({@code :run_date} in the text, values in the map). Values are never concatenated
 * into SQL text.
 */
public final class SqlFiles {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SqlFiles() {}

  /** The text of {@code sql/<name>.sql}, e.g. {@code text("gold/daily_kpis")}. */
  public static String text(String name) {
    return CACHE.computeIfAbsent(name, SqlFiles::read);
  }

  /** Runs {@code sql/<name>.sql} with named parameters. */
  public static Dataset<Row> run(SparkSession spark, String name, Map<String, Object> args) {
    return spark.sql(text(name), args);
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
