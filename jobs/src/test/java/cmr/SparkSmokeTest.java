package cmr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSmokeTest {
  @Test
  void deltaRoundTripWithReplaceWhere() {
    SparkSession spark = TestSpark.spark();
    Path dir = TestSpark.tempDir("smoke");
    String path = dir.resolve("t").toString();
    spark
        .sql("SELECT id, id % 3 AS p FROM range(9)")
        .write()
        .format("delta")
        .partitionBy("p")
        .save(path);
    cmr.warehouse.Warehouse.replace(
        spark.sql("SELECT 100L AS id, 1L AS p"), path, "p = 1", List.of("p"));
    assertEquals(
        List.of("0|3", "1|1", "2|3"),
        TestSpark.rows(spark.read().format("delta").load(path).groupBy("p").count().orderBy("p")));
  }
}
