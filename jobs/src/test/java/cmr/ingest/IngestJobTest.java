package cmr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import cmr.silver.SilverStep;
import cmr.step.RunContext;
import cmr.step.StepResult;
import cmr.testing.Landing;
import cmr.testing.TestRuns;
import cmr.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingestion of a hand-made landing folder holding every file kind and every reason code. The
 * expected outcome of each row is written next to it.
 */
class IngestJobTest {
  static final LocalDate D1 = LocalDate.of(2026, 11, 10);
  static final LocalDate D2 = LocalDate.of(2026, 11, 11);
  static final Map<String, String> NO_REJECT_LIMIT = Map.of("ingest.max_reject_rate", "1.0");
  static Path root;
  static SparkSession spark;

  static String pay(String id, String user, String time, String amount) {
    return "{\"event_id\":\""
        + id
        + "\",\"event_type\":\"pay\",\"order_id\":\"o"
        + id
        + "\",\"user_id\":\""
        + user
        + "\",\"merchant_id\":\"m1\",\"item_id\":\"i1\","
        + "\"category_id\":\"apparel\",\"quantity\":1,\"amount\":"
        + amount
        + ",\"pay_method\":\"alipay\",\"event_time\":\""
        + time
        + "\"}";
  }

  @BeforeAll
  static void landing() throws IOException {
    spark = TestSpark.spark();
    root = TestSpark.tempDir("ingest");
    Landing l = new Landing(root);
    l.write(
        "orders",
        D1,
        "a.jsonl",
        // e1: accepted (extra field coupon is kept in _raw)
        pay("e1", "u1", "2026-11-10T10:00:00+08:00", "100.00").replace("}", ",\"coupon\":\"X\"}"),
        // e2: 16:30Z on the 9th is 00:30 on the 10th in Shanghai -> accepted, event_date 2026-11-10
        pay("e2", "u2", "2026-11-09T16:30:00Z", "50"),
        // e3: refund without quantity/pay_method -> accepted, event_date 2026-11-09
        "{\"event_id\":\"e3\",\"event_type\":\"refund\",\"order_id\":\"oe1\",\"user_id\":\"u1\","
            + "\"merchant_id\":\"m1\",\"item_id\":\"i1\",\"category_id\":\"apparel\","
            + "\"amount\":\"20.5\",\"event_time\":\"2026-11-09T23:59:59.250+08:00\"}",
        "{\"event_id\":\"e4\",\"event_type\":", // unparseable
        pay("e5", "u5", "2026-11-10T10:00:00+08:00", "1")
            .replace("\"user_id\":\"u5\",", ""), // missing_field
        pay("e 6", "u6", "2026-11-10T10:00:00+08:00", "1"), // bad_id
        pay("e7", "u7", "2026-11-10T10:00:00+08:00", "1")
            .replace("\"pay\"", "\"purchase\""), // bad_enum
        pay("e8", "u8", "2026-11-10T10:00:00", "1"), // bad_time
        pay("e9", "u9", "2026-11-10T10:00:00+08:00", "10.005"), // bad_money
        pay("e10", "u10", "2026-11-10T10:00:00+08:00", "1")
            .replace("\"quantity\":1", "\"quantity\":0"), // bad_number
        pay("e11", "u11", "2026-11-11T00:00:01+08:00", "1"), // future_event
        pay("e12", "u12", "2026-11-02T23:59:59+08:00", "1"), // too_late (before 11-03)
        pay("e13", "u13", "2026-11-02T16:00:00Z", "1")); // 11-03 00:00 Shanghai: accepted
    l.write(
        "orders",
        D1,
        "b.csv",
        "amount,event_id,event_type,order_id,user_id,merchant_id,item_id,category_id,quantity,pay_method,event_time",
        "100.00,e1,pay,oe1,u1,m1,i1,apparel,1,alipay,2026-11-10T10:00:00+08:00", // duplicate of e1
        // (same day)
        "7.25,e15,pay,oe15,u15,m1,i1,apparel,2,wechat_pay,2026-11-10T12:00:00+08:00"); // accepted
    l.write(
        "orders",
        D1,
        "c.csv.gz",
        "event_id,event_type,order_id,user_id,merchant_id,item_id,category_id,quantity,amount,pay_method,event_time",
        "e16,pay,oe16,u16,m2,i2,beauty,1,10000000.00,bank_card,2026-11-10T12:00:00+08:00"); // accepted (max money)
    l.write(
        "orders", D1, "d.jsonl.gz", pay("e17", "u17", "2026-11-10T12:00:00Z", "3.10")); // accepted
    writeParquet(l.folder("orders", D1).resolve("e.parquet")); // e18 accepted
    l.write("orders", D1, "notes.txt", "ignored: not an accepted kind");

    l.write(
        "orders",
        D2,
        "a.jsonl",
        pay(
            "e1",
            "u1",
            "2026-11-10T10:00:00+08:00",
            "100.00"), // duplicate of D1's e1 (across days)
        pay("e4", "u4", "2026-11-10T11:00:00+08:00", "40.00"), // accepted: D1's e4 was quarantined
        pay("e19", "u19", "2026-11-11T09:00:00+08:00", "5.00")); // accepted

    l.write(
        "users",
        D1,
        "users.csv",
        "user_id,registered_date,taoqi_score,vip88",
        "u1,2026-01-01,1200,TRUE", // accepted (booleans in any case)
        "u2,2026-02-01,10,false", // duplicate_key (u2 twice)
        "u2,2026-02-01,10,false", // duplicate_key
        "u3,2026-13-01,10,false", // bad_time
        "u4,2026-02-01,-1,false", // bad_number
        "u5,2026-02-01,5,maybe"); // bad_enum
  }

  static void writeParquet(Path target) throws IOException {
    Path tmp = TestSpark.tempDir("pq");
    spark
        .sql(
            "SELECT 'e18' AS event_id, 'pay' AS event_type, 'oe18' AS order_id, 'u18' AS user_id, "
                + "'m1' AS merchant_id, 'i1' AS item_id, 'apparel' AS category_id, 3 AS quantity, "
                + "CAST(12.30 AS DECIMAL(18,2)) AS amount, 'other' AS pay_method, "
                + "'2026-11-10T08:00:00+08:00' AS event_time")
        .coalesce(1)
        .write()
        .mode("overwrite")
        .parquet(tmp.resolve("out").toString());
    try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
      Path part =
          s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(part, target);
    }
  }

  static Dataset<Row> table(RunContext ctx, String path) {
    return spark.read().format("delta").load(path);
  }

  @Test
  void everyRowEndsInBronzeQuarantineOrDuplicatesWithItsReason() {
    RunContext ctx = TestRuns.context(root, D1, NO_REJECT_LIMIT);
    StepResult r = new IngestStep().run(ctx);
    // orders: 13 + 2 + 1 + 1 + 1 = 18 read; users: 6 read
    assertEquals(24, r.rowsIn());
    // orders accepted e1 e2 e3 e13 e15 e16 e17 e18 = 8; users accepted u1 = 1
    assertEquals(9, r.rowsOut());
    // orders: 9 (e4..e12); users: 5
    assertEquals(14, r.rowsQuarantined());
    assertEquals(1, r.rowsDuplicate());

    assertEquals(
        List.of("e1", "e13", "e15", "e16", "e17", "e18", "e2", "e3"),
        TestSpark.rows(table(ctx, ctx.wh().bronze("orders")).select("event_id")));
    assertEquals(
        List.of(
            "orders|bad_enum",
            "orders|bad_id",
            "orders|bad_money",
            "orders|bad_number",
            "orders|bad_time",
            "orders|future_event",
            "orders|missing_field",
            "orders|too_late",
            "orders|unparseable",
            "users|bad_enum",
            "users|bad_number",
            "users|bad_time",
            "users|duplicate_key",
            "users|duplicate_key"),
        TestSpark.rows(table(ctx, ctx.wh().ops("quarantine")).select("source", "reason")));
    // The raw record is kept: the unparseable line as it came.
    assertEquals(
        List.of("{\"event_id\":\"e4\",\"event_type\":"),
        TestSpark.rows(
            table(ctx, ctx.wh().ops("quarantine"))
                .where("reason = 'unparseable'")
                .select("record")));
    // Asia/Shanghai dates, typed money, the extra field kept in _raw.
    assertEquals(
        List.of(
            "e13|2026-11-03|1.00|false",
            "e16|2026-11-10|10000000.00|false",
            "e1|2026-11-10|100.00|true",
            "e2|2026-11-10|50.00|false",
            "e3|2026-11-09|20.50|false"),
        TestSpark.rows(
            table(ctx, ctx.wh().bronze("orders"))
                .where("event_id IN ('e1','e2','e3','e13','e16')")
                .selectExpr("event_id", "event_date", "amount", "_raw LIKE '%coupon%'")));
    assertEquals(
        List.of("e18|3|12.30|other"),
        TestSpark.rows(
            table(ctx, ctx.wh().bronze("orders"))
                .where("event_id = 'e18'")
                .selectExpr("event_id", "quantity", "amount", "pay_method")));
    // Per-file reconciliation: a.jsonl read 13 = 4 bronze + 9 quarantined; b.csv 2 = 1 + 0 + 1 dup.
    assertEquals(
        List.of(
            "a.jsonl|13|4|9|0",
            "b.csv|2|1|0|1",
            "c.csv.gz|1|1|0|0",
            "d.jsonl.gz|1|1|0|0",
            "e.parquet|1|1|0|0"),
        TestSpark.rows(
            table(ctx, ctx.wh().ops("ingest_files"))
                .where("source = 'orders'")
                .selectExpr(
                    "regexp_extract(file, '[^/]+$', 0)",
                    "rows_read",
                    "rows_bronze",
                    "rows_quarantined",
                    "rows_duplicate")));
  }

  @Test
  void duplicatesAcrossDaysAndRerunsChangeNothing() {
    RunContext d1 = TestRuns.context(root, D1, NO_REJECT_LIMIT);
    new IngestStep().run(d1);
    new SilverStep().run(d1);
    RunContext d2 = TestRuns.context(root, D2, NO_REJECT_LIMIT);
    StepResult r2 = new IngestStep().run(d2);
    new SilverStep().run(d2);
    assertEquals(3, r2.rowsIn());
    assertEquals(2, r2.rowsOut()); // e4 (earlier copy was quarantined) and e19
    assertEquals(1, r2.rowsDuplicate()); // e1 was accepted on D1
    List<String> silverBefore =
        TestSpark.rows(
            table(d2, d2.wh().silver("orders"))
                .select("event_id", "event_date", "arrival_date", "amount"));
    List<String> quarantineBefore =
        TestSpark.rows(
            table(d2, d2.wh().ops("quarantine"))
                .select("source", "arrival_date", "file", "record", "reason"));
    // Rerun D1 then D2: identical tables (D1's own rows are not duplicates of themselves).
    RunContext again1 = TestRuns.context(root, D1, NO_REJECT_LIMIT);
    assertEquals(8 + 1, new IngestStep().run(again1).rowsOut());
    new SilverStep().run(again1);
    RunContext again2 = TestRuns.context(root, D2, NO_REJECT_LIMIT);
    new IngestStep().run(again2);
    new SilverStep().run(again2);
    assertEquals(
        silverBefore,
        TestSpark.rows(
            table(d2, d2.wh().silver("orders"))
                .select("event_id", "event_date", "arrival_date", "amount")));
    assertEquals(
        quarantineBefore,
        TestSpark.rows(
            table(d2, d2.wh().ops("quarantine"))
                .select("source", "arrival_date", "file", "record", "reason")));
    // silver: 8 from D1 + 2 from D2, each once
    assertEquals(10, table(d2, d2.wh().silver("orders")).count());
    assertEquals(
        List.of("u1|2026-01-01|1200|true|2026-11-10"),
        TestSpark.rows(table(d2, d2.wh().silver("users"))));
  }

  @Test
  void rejectRateAboveTheLimitFailsAfterWritingTheQuarantine() {
    Path r = TestSpark.tempDir("reject");
    Landing l = new Landing(r);
    l.write(
        "user_activity",
        D1,
        "a.jsonl",
        "{\"event_id\":\"a1\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"app\",\"event_time\":\"2026-11-10T01:00:00+08:00\"}",
        "{\"event_id\":\"a2\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"tv\",\"event_time\":\"2026-11-10T01:00:00+08:00\"}");
    RunContext ctx = TestRuns.context(r, D1, Map.of());
    CmrException e = assertThrows(CmrException.class, () -> new IngestStep().run(ctx));
    // 1 of 2 rows rejected = 50% > 5%
    assertTrue(e.oneLine().contains("user_activity dt=2026-11-10"), e.oneLine());
    assertTrue(e.oneLine().contains("50.00% of rows rejected"), e.oneLine());
    assertTrue(e.oneLine().contains("bad_enum 1"), e.oneLine());
    assertEquals(1, table(ctx, ctx.wh().ops("quarantine")).count());
  }

  @Test
  void anUnreadableFileFailsTheRunNamingItAndWritesNothing() throws IOException {
    Path r = TestSpark.tempDir("unreadable");
    Landing l = new Landing(r);
    l.write("orders", D1, "good.jsonl", pay("g1", "u1", "2026-11-10T10:00:00+08:00", "1.00"));
    byte[] gz =
        Files.readAllBytes(
            l.write(
                "orders",
                D1,
                "broken.jsonl.gz",
                pay("g2", "u1", "2026-11-10T10:00:00+08:00", "1.00"),
                pay("g3", "u1", "2026-11-10T10:00:00+08:00", "1.00")));
    l.writeBytes("orders", D1, "broken.jsonl.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
    RunContext ctx = TestRuns.context(r, D1, Map.of());
    CmrException e = assertThrows(CmrException.class, () -> new IngestStep().run(ctx));
    assertTrue(e.oneLine().contains("broken.jsonl.gz"), e.oneLine());
    assertTrue(e.oneLine().contains("cannot be read"), e.oneLine());
    assertFalse(cmr.warehouse.Warehouse.exists(spark, ctx.wh().bronze("orders")));

    RunContext lenient =
        TestRuns.context(
            r,
            D1,
            Map.of("ingest.quarantine_unreadable_files", "true", "ingest.max_reject_rate", "1.0"));
    new IngestStep().run(lenient);
    assertEquals(
        List.of("g1"),
        TestSpark.rows(table(lenient, lenient.wh().bronze("orders")).select("event_id")));
    assertEquals(
        List.of("unreadable_file"),
        TestSpark.rows(
            table(lenient, lenient.wh().ops("quarantine"))
                .where("file LIKE '%broken.jsonl.gz'")
                .select("reason")));
  }

  @Test
  void aFileThatIsNotUtf8FailsTheRun() {
    Path r = TestSpark.tempDir("utf8");
    Landing l = new Landing(r);
    l.writeBytes(
        "user_activity",
        D1,
        "latin1.jsonl",
        ("{\"event_id\":\"a1\",\"user_id\":\"u1\",\"event_type\":\"search\",\"source\":\"app\","
                + "\"category_id\":\"caf\u00e9\",\"event_time\":\"2026-11-10T01:00:00+08:00\"}\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    RunContext ctx = TestRuns.context(r, D1, Map.of());
    CmrException e = assertThrows(CmrException.class, () -> new IngestStep().run(ctx));
    assertTrue(
        e.oneLine().contains("latin1.jsonl") && e.oneLine().contains("not UTF-8"), e.oneLine());
  }
}
