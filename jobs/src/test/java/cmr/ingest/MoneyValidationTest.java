package cmr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.sql.SqlFiles;
import cmr.testing.TestSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * SPEC §1: money is a decimal with at most 2 fraction digits, 0 < amount <= 10,000,000 for an
 * order. Runs sql/bronze/validate_orders.sql on hand-made landing rows that differ only in {@code
 * amount}; the expected reasons follow from that rule alone.
 */
class MoneyValidationTest {
  @Test
  void amountsWithMoreThanTwoFractionDigitsAreBadMoneyHoweverFarOutTheDigitIs() {
    SparkSession spark = TestSpark.spark();
    String[][] cases = {
      {"a1", "12.34", null},
      {"a2", "12.3", null},
      {"a3", "12.345", "bad_money"},
      {"a4", "12.0000000001", "bad_money"}, // 10th fraction digit
      {"a5", "12.00000000001", "bad_money"}, // 11th: was rounded away by a 10-digit cast
      {"a6", "12.000000000000001", "bad_money"}, // 15th
      {"a12", "12.000000000000000001", "bad_money"}, // 18th
      {"a13", "12.100000000000000000", null}, // 18 digits, the last 16 zeros: 12.10
      {"a14", "12.0000000000000000001", "bad_money"}, // 19th: rounded away by the cast
      {"a15", "12.000000000000000000000000000000005", "bad_money"}, // 33rd
      {"a16", "12.1000000000000000000000", null}, // 22 digits, the last 21 zeros: 12.10
      {"a7", "10000000.00", null},
      {"a8", "10000000.01", "bad_money"},
      {"a9", "0", "bad_money"},
      {"a10", "-1.00", "bad_money"},
      {"a11", "1,299.00", "bad_money"},
    };
    StructType schema =
        StructType.fromDDL(
            "_source_file STRING, _arrival_date DATE, "
                + "_record BIGINT, _raw STRING, _corrupt BOOLEAN, _bad_utf8 BOOLEAN, event_id STRING, "
                + "event_type STRING, order_id STRING, user_id STRING, merchant_id STRING, item_id STRING, "
                + "category_id STRING, quantity STRING, amount STRING, pay_method STRING, event_time STRING");
    List<Row> rows = new ArrayList<>();
    for (String[] c : cases) {
      rows.add(
          RowFactory.create(
              "f",
              Date.valueOf("2026-11-10"),
              0L,
              "",
              false,
              false,
              c[0],
              "pay",
              "o1",
              "u1",
              "m1",
              "i1",
              "apparel",
              "1",
              c[1],
              "alipay",
              "2026-11-10T10:00:00+08:00"));
    }
    spark.createDataFrame(rows, schema).createOrReplaceTempView("landing_rows");
    List<String> got =
        TestSpark.rows(
            SqlFiles.run(
                    spark,
                    "bronze/validate_orders",
                    Map.of("late_days", 7, "max_money", "10000000.00"))
                .selectExpr("event_id", "coalesce(reason, 'ok')"));
    List<String> want = new ArrayList<>();
    for (String[] c : cases) {
      want.add(c[0] + "|" + (c[2] == null ? "ok" : c[2]));
    }
    want.sort(null);
    assertEquals(want, got);
  }
}
