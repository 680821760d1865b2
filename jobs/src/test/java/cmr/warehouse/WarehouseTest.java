package cmr.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.testing.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Writing into a table that an older version built with other columns or column types. */
class WarehouseTest {
  @Test
  void aTableWithOlderColumnTypesFailsNamingTheColumnsAndTheFix() {
    SparkSession spark = TestSpark.spark();
    String path = TestSpark.tempDir("warehouse-upgrade").resolve("bronze/campaigns").toString();
    Dataset<Row> old =
        spark.sql(
            "SELECT 'c1' AS campaign_id, CAST(2.5 AS DECIMAL(18,4)) AS target_roi,"
                + " DATE'2026-11-01' AS _arrival_date");
    Warehouse.replace(old, path, "_arrival_date = DATE'2026-11-01'", List.of("_arrival_date"));
    Dataset<Row> now =
        spark.sql(
            "SELECT 'c1' AS campaign_id, CAST(15.00001 AS DECIMAL(24,10)) AS target_roi,"
                + " DATE'2026-11-02' AS _arrival_date");
    CmrException e =
        assertThrows(
            CmrException.class,
            () ->
                Warehouse.replace(
                    now, path, "_arrival_date = DATE'2026-11-02'", List.of("_arrival_date")));
    assertEquals(Errors.USAGE, e.exitCode());
    assertTrue(
        e.getMessage().contains("target_roi is decimal(18,4) there, decimal(24,10) now"),
        e.getMessage());
    assertTrue(e.getMessage().contains("cmr backfill"), e.getMessage());
    // the table is unchanged: one row, the old one
    assertEquals(1, spark.read().format("delta").load(path).count());
  }

  @Test
  void aTableWithoutANewColumnGainsItAndKeepsItsOtherRows() {
    SparkSession spark = TestSpark.spark();
    String path = TestSpark.tempDir("warehouse-new-column").resolve("gold/monthly").toString();
    Warehouse.replace(
        spark.sql("SELECT m AS month, 1L AS mau FROM VALUES ('2026-10'), ('2026-11') AS t(m)"),
        path,
        "true",
        List.of());
    // this version writes November again with one more column
    Warehouse.replace(
        spark.sql("SELECT '2026-11' AS month, 2L AS mau, CAST(5.00 AS DECIMAL(18,2)) AS extra"),
        path,
        "month = '2026-11'",
        List.of());
    assertEquals(
        List.of("2026-10|1|null", "2026-11|2|5.00"),
        spark.read().format("delta").load(path).orderBy("month").collectAsList().stream()
            .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2))
            .toList());
  }

  @Test
  void rowsWrittenCountsTheSliceNotTheRowsCopiedBesideIt() {
    SparkSession spark = TestSpark.spark();
    String path = TestSpark.tempDir("warehouse-counted").resolve("gold/t").toString();
    // one file with days 1..10; then day 8..10 replaced twice: the first time Delta copies days
    // 1..7 out of the shared file, the second time it only drops the file of the first
    Warehouse.replace(
        spark.sql("SELECT id AS day FROM range(1, 11)").coalesce(1), path, "true", List.of());
    String slice = "day >= 8";
    long first =
        Warehouse.replaceCounted(
            spark.sql("SELECT id AS day FROM range(8, 11)").coalesce(1), path, slice, List.of());
    long rerun =
        Warehouse.replaceCounted(
            spark.sql("SELECT id AS day FROM range(8, 11)").coalesce(1), path, slice, List.of());
    assertEquals(3, first);
    assertEquals(3, rerun);
    assertEquals(10, spark.read().format("delta").load(path).count());
  }
}
