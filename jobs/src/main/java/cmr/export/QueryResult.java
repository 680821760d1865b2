package cmr.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * The small result of one dashboard query, on the driver: column names and rows. Dashboard queries
 * aggregate gold tables to at most a few hundred rows; {@link #MAX_ROWS} guards the rest.
 */
public record QueryResult(List<String> columns, List<Object[]> rows, boolean truncated) {
  public static final int MAX_ROWS = 5000;

  /** Collects at most {@link #MAX_ROWS} rows of {@code df}. */
  public static QueryResult of(Dataset<Row> df) {
    List<String> cols = Arrays.stream(df.schema().fields()).map(StructField::name).toList();
    List<Row> got = df.limit(MAX_ROWS + 1).collectAsList();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(got.size(), MAX_ROWS); i++) {
      Row r = got.get(i);
      Object[] v = new Object[cols.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = r.get(c);
      }
      rows.add(v);
    }
    return new QueryResult(cols, rows, got.size() > MAX_ROWS);
  }

  public int index(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(
          "the query has no column " + column + " (columns: " + columns + ")");
    }
    return i;
  }

  public boolean has(String column) {
    return columns.contains(column);
  }

  public Object get(int row, String column) {
    return rows.get(row)[index(column)];
  }

  /** The value as a double, or null when SQL NULL or not numeric. */
  public static Double number(Object v) {
    if (v instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }

  /** The value as text (dates in ISO form), or null. */
  public static String text(Object v) {
    return v == null ? null : v.toString();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
