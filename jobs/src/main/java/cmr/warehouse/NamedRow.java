package cmr.warehouse;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A row of a schema built by column name, never by position: {@code
 * NamedRow.of(SCHEMA).set("run_id", id).set("job", "ingest") ... .row()}. A name the schema does
 * not have, or a column left unset, fails at once instead of shifting the columns.
 */
public final class NamedRow {
  private final StructType schema;
  private final Object[] values;
  private final boolean[] set;

  private NamedRow(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
    this.set = new boolean[schema.size()];
  }

  public static NamedRow of(StructType schema) {
    return new NamedRow(schema);
  }

  /** Sets column {@code name} (null allowed where the schema allows it). */
  public NamedRow set(String name, Object value) {
    if (!schema.getFieldIndex(name).isDefined()) {
      throw new IllegalArgumentException("no column " + name + " in " + schema.simpleString());
    }
    int i = schema.fieldIndex(name);
    values[i] = value;
    set[i] = true;
    return this;
  }

  /** The row, once every column has been set. */
  public Row row() {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) {
        missing.add(schema.fields()[i].name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("columns not set: " + missing);
    }
    return RowFactory.create(values.clone());
  }
}
