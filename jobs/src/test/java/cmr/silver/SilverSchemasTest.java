package cmr.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.ingest.Source;
import cmr.loader.CoefficientsFormat;
import cmr.sql.SqlFiles;
import cmr.testing.Exercises;
import cmr.testing.TestSpark;
import cmr.warehouse.SilverTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The one registry of silver schemas ({@link SilverTables}) is what the SQL writes: each source's
 * validation ({@code sql/bronze/validate_<source>.sql}) on landing rows of text, kept as {@code
 * BronzeWriter} keeps it, then {@code sql/silver/<source>.sql}, gives exactly the registry's
 * columns and types, in order.
 */
@Exercises({
  "silver/orders",
  "silver/ad_events",
  "silver/user_activity",
  "silver/users",
  "silver/merchants",
  "silver/campaigns"
})
class SilverSchemasTest {
  @Test
  void everySilverFileWritesTheRegistrysSchema() {
    SparkSession spark = TestSpark.spark();
    List<String> wrong = new ArrayList<>();
    for (Source src : Source.ALL) {
      Map.Entry<String, StructType> e = Map.entry(src.name(), SilverTables.SCHEMAS.get(src.name()));
      // landing rows: every contract field as text (cmr.ingest.LandingReader)
      StructType landing =
          StructType.fromDDL(
              "_source_file STRING, _arrival_date DATE, _record BIGINT, _raw STRING, "
                  + "_corrupt BOOLEAN, _bad_utf8 BOOLEAN");
      for (String f : src.fields()) {
        landing = landing.add(f, DataTypes.StringType);
      }
      spark.createDataFrame(List.<Row>of(), landing).createOrReplaceTempView("landing_rows");
      // bronze: the validation's typed columns as BronzeWriter keeps them, and the lineage
      List<Column> cols = new ArrayList<>();
      for (String f : src.fields()) {
        cols.add(functions.col(f));
      }
      if (src.fact()) {
        cols.add(functions.col("event_date"));
      }
      cols.add(functions.col("_raw"));
      cols.add(functions.col("_source_file"));
      cols.add(functions.lit("run").as("_run_id"));
      cols.add(functions.current_timestamp().as("_ingested_at"));
      cols.add(functions.col("_arrival_date").as("arrival_date"));
      SqlFiles.run(
              spark,
              "bronze/validate_" + src.name(),
              Map.of(
                  "late_days",
                  7,
                  "max_money",
                  "10000000",
                  "channels",
                  CoefficientsFormat.AD_CHANNELS.toArray(String[]::new)))
          .select(cols.toArray(Column[]::new))
          .createOrReplaceTempView("bronze_" + src.name());
      StructType out = SqlFiles.run(spark, "silver/" + e.getKey(), Map.of()).schema();
      if (!simple(out).equals(simple(e.getValue()))) {
        wrong.add(
            e.getKey() + ": " + simple(out) + " but the registry has " + simple(e.getValue()));
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static List<String> simple(StructType t) {
    List<String> out = new ArrayList<>();
    for (StructField f : t.fields()) {
      out.add(f.name() + " " + f.dataType().simpleString());
    }
    return out;
  }
}
