package cmr.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Rows built by column name land in the schema's order, whatever order they are set in. */
class NamedRowTest {
  private static final StructType S =
      new StructType()
          .add("a", DataTypes.StringType)
          .add("b", DataTypes.LongType)
          .add("c", DataTypes.StringType);

  @Test
  void valuesGoToTheirColumnsWhateverTheOrder() {
    Row r = NamedRow.of(S).set("c", "z").set("a", "x").set("b", 2L).row();
    assertEquals("x", r.get(0));
    assertEquals(2L, r.get(1));
    assertEquals("z", r.get(2));
  }

  @Test
  void anUnknownOrMissingColumnFails() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> NamedRow.of(S).set("d", 1));
    assertTrue(unknown.getMessage().contains("no column d"), unknown.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> NamedRow.of(S).set("a", "x").set("c", null).row());
    assertEquals("columns not set: [b]", missing.getMessage());
  }
}
