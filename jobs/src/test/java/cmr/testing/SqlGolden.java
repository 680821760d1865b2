package cmr.testing;

import cmr.sql.SqlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One golden case of a SQL file, in the style of Spark's {@code SQLQueryTestSuite}: fixture rows
 * and parameters in, schema and sorted rows out, in one text file kept in the repo and reviewed as
 * a diff. The file, under {@code src/test/resources/sql-golden/<sql name>/<case>.golden}:
 *
 * <pre>
 * -- why the expected rows are what they are (worked out by hand from SPEC.md)
 * # sql bronze/validate_users
 * # param late_days INT 7
 * # view landing_rows
 * user_id STRING, registered_date STRING
 * u1 | 2026-01-01
 * # expected
 * user_id string | reason string
 * u1 | &lt;null&gt;
 * </pre>
 *
 * Instead of {@code # sql NAME}, {@code # query SELECT ...} runs a statement of its own (for the
 * metric functions of {@code sql/metrics/}, which the case's folder names). A view's first line is
 * its schema (Spark DDL); each row is '|'-separated text cast to those types ({@code <null>} is
 * null; an array is written [a, b]). Parameters are {@code name TYPE value} with TYPE one of
 * STRING, INT, LONG, DOUBLE, DECIMAL, DATE or ARRAY (comma-separated strings). Expected rows are
 * compared sorted, every value as Spark casts it to a string. With {@code -Dcmr.golden.update=true}
 * the expected section is rewritten from the actual result, for review as a diff.
 */
public record SqlGolden(
    Path file,
    String sql,
    String query,
    Map<String, Object> params,
    Map<String, List<String>> views,
    List<String> expected,
    String head) {

  static final String NULL = "<null>";

  public static SqlGolden read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String sql = null;
    String query = null;
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, List<String>> views = new LinkedHashMap<>();
    List<String> expected = null;
    List<String> current = null;
    StringBuilder head = new StringBuilder();
    for (String line : lines) {
      if (expected == null) {
        head.append(line).append('\n');
      }
      if (line.startsWith("# sql ")) {
        sql = line.substring(6).trim();
        current = null;
      } else if (line.startsWith("# query ")) {
        query = line.substring(8).trim();
        current = null;
      } else if (line.startsWith("# param ")) {
        String[] f = line.substring(8).trim().split("\\s+", 3);
        params.put(f[0], value(f[1], f.length > 2 ? f[2] : ""));
        current = null;
      } else if (line.startsWith("# view ")) {
        current = new ArrayList<>();
        views.put(line.substring(7).trim(), current);
      } else if (line.equals("# expected")) {
        expected = new ArrayList<>();
        current = expected;
        head.setLength(head.length() - line.length() - 1);
      } else if (current != null && !line.isBlank() && !line.startsWith("--")) {
        current.add(line.strip());
      }
    }
    if ((sql == null) == (query == null) || expected == null) {
      throw new IllegalArgumentException(
          file + ": needs a '# sql' or a '# query' line and an '# expected' section");
    }
    return new SqlGolden(file, sql, query, params, views, expected, head.toString());
  }

  private static Object value(String type, String text) {
    return switch (type) {
      case "STRING" -> text;
      case "INT" -> Integer.parseInt(text);
      case "LONG" -> Long.parseLong(text);
      case "DOUBLE" -> Double.parseDouble(text);
      case "DECIMAL" -> new BigDecimal(text);
      case "DATE" -> Date.valueOf(text);
      case "ARRAY" -> text.isEmpty() ? new String[0] : text.split(",");
      default -> throw new IllegalArgumentException("parameter type " + type);
    };
  }

  /**
   * Registers the views, runs the SQL file and returns the schema line and sorted rows. It runs in
   * one partition (views and shuffles), so that sums of doubles add up in one order and the last
   * bits of a result are the same on every run.
   */
  public List<String> run(SparkSession spark) {
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", "1");
    try {
      return runInOnePartition(spark);
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
    }
  }

  private List<String> runInOnePartition(SparkSession spark) {
    for (Map.Entry<String, List<String>> v : views.entrySet()) {
      view(spark, v.getValue()).coalesce(1).createOrReplaceTempView(v.getKey());
    }
    SqlFiles.registerFunctions(spark);
    Dataset<Row> out = sql != null ? SqlFiles.run(spark, sql, params) : spark.sql(query, params);
    List<String> result = new ArrayList<>();
    List<String> schema = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    for (StructField f : out.schema().fields()) {
      schema.add(f.name() + " " + f.dataType().simpleString());
      cols.add(
          functions.coalesce(
              functions.col("`" + f.name() + "`").cast("string"), functions.lit(NULL)));
    }
    List<String> rows = new ArrayList<>();
    for (Row r :
        out.select(functions.concat_ws(" | ", cols.toArray(Column[]::new))).collectAsList()) {
      rows.add(r.getString(0));
    }
    rows.sort(null);
    result.add(String.join(" | ", schema));
    result.addAll(rows);
    return result;
  }

  /** Rewrites the file's expected section with {@code actual}. */
  public void update(List<String> actual) {
    try {
      Files.writeString(file, head + "# expected\n" + String.join("\n", actual) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dataset<Row> view(SparkSession spark, List<String> lines) {
    StructType typed = StructType.fromDDL(lines.get(0));
    StructType text = new StructType();
    for (StructField f : typed.fields()) {
      text = text.add(f.name(), DataTypes.StringType);
    }
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\|", -1);
      if (cells.length != typed.size()) {
        throw new IllegalArgumentException(
            "row '"
                + line
                + "' has "
                + cells.length
                + " cells, the view "
                + typed.size()
                + " columns");
      }
      Object[] v = new Object[cells.length];
      for (int i = 0; i < cells.length; i++) {
        String c = cells[i].strip();
        v[i] = c.equals(NULL) ? null : c;
      }
      rows.add(RowFactory.create(v));
    }
    Dataset<Row> df = spark.createDataFrame(rows, text);
    List<Column> cast = new ArrayList<>();
    for (StructField f : typed.fields()) {
      Column c = functions.col(f.name());
      if (f.dataType() instanceof ArrayType) {
        // written as the expected rows show it: [a, b], or [] for an empty array
        c =
            functions
                .when(c.equalTo("[]"), functions.array())
                .otherwise(functions.split(functions.regexp_replace(c, "^\\[|\\]$", ""), ",\\s*"));
      }
      cast.add(c.cast(f.dataType()).as(f.name()));
    }
    return df.select(cast.toArray(Column[]::new));
  }
}
