package cmr.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.step.RunContext;
import cmr.testing.Landing;
import cmr.testing.TestRuns;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Input that cannot be read as it is (SPEC §1: a file that cannot be parsed fails the run naming
 * it, or is quarantined whole when configured to), and input that looks odd but is valid: a byte
 * order mark and CRLF line ends are parsed, not quarantined. Each failure prints one line naming
 * the file and what to do (exit code 3), and writes nothing.
 */
class UnreadableInputTest {
  static final LocalDate D = LocalDate.of(2026, 11, 10);

  static String activity(String id) {
    return "{\"event_id\":\""
        + id
        + "\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"app\","
        + "\"event_time\":\"2026-11-10T10:00:00+08:00\"}";
  }

  /** Ingests a landing folder holding one good file and {@code name} with {@code bytes}. */
  static RunContext landing(String prefix, String source, String name, byte[] bytes) {
    Path r = TestSpark.tempDir(prefix);
    Landing l = new Landing(r);
    l.write("user_activity", D, "good.jsonl", activity("g1"));
    l.writeBytes(source, D, name, bytes);
    return TestRuns.context(r, D, Map.of());
  }

  /** The run fails with exit 3, one line naming the file and the fix, and writes nothing. */
  static String failsNaming(RunContext ctx, String file) {
    SparkSession spark = ctx.spark();
    CmrException e = assertThrows(CmrException.class, () -> new IngestStep().run(ctx));
    assertEquals(Errors.INPUT, e.exitCode(), e.oneLine());
    assertTrue(e.oneLine().contains(file), e.oneLine());
    assertTrue(e.oneLine().contains("replace the file in the landing zone"), e.oneLine());
    assertFalse(e.oneLine().contains("\n"), e.oneLine());
    assertFalse(Warehouse.exists(spark, ctx.wh().bronze("user_activity")), "nothing written");
    return e.oneLine();
  }

  /**
   * Ingests the same landing again with {@code overrides}: the odd file's row (or the whole file)
   * is quarantined with {@code reason}, and the good file's row g1 is in bronze.
   */
  static void ingestsQuarantining(RunContext ctx, Map<String, String> overrides, String reason) {
    RunContext lenient =
        TestRuns.context(Path.of(ctx.cfg().paths().landing()).getParent(), D, overrides);
    new IngestStep().run(lenient);
    SparkSession spark = lenient.spark();
    assertEquals(
        List.of(reason),
        TestSpark.rows(
            spark.read().format("delta").load(lenient.wh().ops("quarantine")).select("reason")));
    assertEquals(
        List.of("g1"),
        TestSpark.rows(
            spark
                .read()
                .format("delta")
                .load(lenient.wh().bronze("user_activity"))
                .select("event_id")));
  }

  @Test
  void aZeroByteParquetFileFailsNamingIt() {
    String line =
        failsNaming(
            landing("zero-pq", "user_activity", "empty.parquet", new byte[0]), "empty.parquet");
    assertTrue(line.contains("0 bytes"), line);
  }

  @Test
  void aCorruptParquetFileFailsNamingItOrIsQuarantinedWholeWhenConfigured() {
    RunContext ctx =
        landing(
            "bad-pq",
            "user_activity",
            "corrupt.parquet",
            "PAR1 this is not really parquet PAR1".getBytes(StandardCharsets.UTF_8));
    failsNaming(ctx, "corrupt.parquet");
    ingestsQuarantining(
        ctx, Map.of("ingest.quarantine_unreadable_files", "true"), "unreadable_file");
  }

  @Test
  void aZeroByteJsonFileIsADeliveryWithoutRows() {
    RunContext ctx = landing("zero-json", "user_activity", "empty.jsonl", new byte[0]);
    new IngestStep().run(ctx);
    assertEquals(
        List.of("g1"),
        TestSpark.rows(
            ctx.spark()
                .read()
                .format("delta")
                .load(ctx.wh().bronze("user_activity"))
                .select("event_id")));
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsAreParsed() {
    Path r = TestSpark.tempDir("bom");
    Landing l = new Landing(r);
    l.writeBytes(
        "user_activity",
        D,
        "bom.jsonl",
        ("\uFEFF" + activity("b1") + "\r\n" + activity("b2") + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    l.writeBytes(
        "users",
        D,
        "bom.csv",
        ("\uFEFFuser_id,registered_date,taoqi_score,vip88\r\nu1,2026-01-01,1200,true\r\nu2,2026-02-01,10,false\r\n")
            .getBytes(StandardCharsets.UTF_8));
    RunContext ctx = TestRuns.context(r, D, Map.of());
    new IngestStep().run(ctx);
    SparkSession spark = ctx.spark();
    assertEquals(
        List.of("b1", "b2"),
        TestSpark.rows(
            spark
                .read()
                .format("delta")
                .load(ctx.wh().bronze("user_activity"))
                .select("event_id")
                .orderBy("event_id")));
    assertEquals(
        List.of("u1|true", "u2|false"),
        TestSpark.rows(
            spark
                .read()
                .format("delta")
                .load(ctx.wh().bronze("users"))
                .selectExpr("user_id", "CAST(vip88 AS STRING)")
                .orderBy("user_id")));
    assertFalse(
        Warehouse.exists(spark, ctx.wh().ops("quarantine"))
            && spark.read().format("delta").load(ctx.wh().ops("quarantine")).count() > 0,
        "nothing quarantined");
  }

  /**
   * A 50 MB line: a value longer than the JSON parser's 20 MB string limit makes the line
   * unparseable; the row is quarantined with that reason (kept, not dropped).
   */
  @Test
  void aFiftyMegabyteJsonLineIsQuarantinedAsUnparseable() {
    StringBuilder big = new StringBuilder(50 * 1024 * 1024 + 200);
    big.append(
            "{\"event_id\":\"x1\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"app\",")
        .append("\"item_id\":\"");
    big.append("i".repeat(50 * 1024 * 1024));
    big.append("\",\"event_time\":\"2026-11-10T10:00:00+08:00\"}\n");
    RunContext ctx =
        landing(
            "big", "user_activity", "big.jsonl", big.toString().getBytes(StandardCharsets.UTF_8));
    ingestsQuarantining(ctx, Map.of("ingest.max_reject_rate", "1.0"), "unparseable");
  }

  /** Nesting deeper than the JSON parser's limit (1,000 levels): the row is unparseable. */
  @Test
  void deeplyNestedJsonIsQuarantinedAsUnparseable() {
    String nested = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    String line =
        "{\"event_id\":\"n1\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"app\","
            + "\"event_time\":\"2026-11-10T10:00:00+08:00\",\"extra\":"
            + nested
            + "}\n";
    RunContext ctx =
        landing("nested", "user_activity", "nested.jsonl", line.getBytes(StandardCharsets.UTF_8));
    ingestsQuarantining(ctx, Map.of("ingest.max_reject_rate", "1.0"), "unparseable");
  }
}
