package cmr.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.cli.CmrCli;
import cmr.errors.Errors;
import cmr.testing.Landing;
import cmr.testing.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A warehouse built to need attention: Nov 10 ingested; Nov 11 failed (an unreadable orders file)
 * and not rerun; Nov 12 never run; Nov 13 ingested without an orders delivery. {@code cmr status}
 * must name the missing date, the failed date and the stale source, and exit 1; a nightly for Nov
 * 14 must refuse the gap.
 */
class StatusCommandTest {
  static final LocalDate D1 = LocalDate.of(2026, 11, 10);
  static final LocalDate D2 = D1.plusDays(1);
  static final LocalDate D4 = D1.plusDays(3);
  static Path root;

  static String activity(String id, LocalDate d) {
    return "{\"event_id\":\""
        + id
        + "\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"app\",\"event_time\":\""
        + d
        + "T10:00:00+08:00\"}";
  }

  static String ad(String id, LocalDate d) {
    return "{\"event_id\":\""
        + id
        + "\",\"event_type\":\"click\",\"campaign_id\":\"k1\",\"merchant_id\":\"m1\","
        + "\"item_id\":\"i1\",\"channel\":\"search\",\"user_id\":\"u1\",\"cost\":0.50,"
        + "\"event_time\":\""
        + d
        + "T09:00:00+08:00\"}";
  }

  static String pay(String id, LocalDate d) {
    return "{\"event_id\":\""
        + id
        + "\",\"event_type\":\"pay\",\"order_id\":\"o"
        + id
        + "\",\"user_id\":\"u1\",\"merchant_id\":\"m1\",\"item_id\":\"i1\",\"category_id\":\"apparel\","
        + "\"quantity\":1,\"amount\":10.00,\"pay_method\":\"alipay\",\"event_time\":\""
        + d
        + "T11:00:00+08:00\"}";
  }

  static String[] args(String... a) {
    String[] common = {
      "--landing",
      root.resolve("landing").toString(),
      "--warehouse",
      root.resolve("warehouse").toString()
    };
    String[] all = new String[a.length + common.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(common, 0, all, a.length, common.length);
    return all;
  }

  @BeforeAll
  static void warehouse() {
    TestSpark.spark();
    root = TestSpark.tempDir("status");
    Landing l = new Landing(root);
    for (LocalDate d = D1; !d.isAfter(D4); d = d.plusDays(1)) {
      l.write("user_activity", d, "part-0.jsonl", activity("a" + d, d));
      l.write("ad_events", d, "part-0.jsonl", ad("c" + d, d));
    }
    l.write("orders", D1, "part-0.jsonl", pay("p1", D1));
    l.writeBytes("orders", D2, "part-0.jsonl.gz", "not gzip at all".getBytes());
    // Nov 13: no orders folder at all
    assertEquals(0, CmrCli.execute(args("ingest", "--date", D1.toString())));
    assertEquals(Errors.INPUT, CmrCli.execute(args("ingest", "--date", D2.toString())));
    // a freshness problem fails the ingest when configured to (exit 7) ...
    assertEquals(
        Errors.STALE_INPUT,
        CmrCli.execute(
            args("ingest", "--date", D4.toString(), "-Doperations.freshness.on_problem=fail")));
    // ... and by default is a warning: the ingest succeeds
    assertEquals(0, CmrCli.execute(args("ingest", "--date", D4.toString())));
  }

  @Test
  void statusNamesTheMissingDateTheFailedDateAndTheStaleSource() throws Exception {
    Output human = run("status");
    assertEquals(1, human.code, human.out);
    assertTrue(human.out.contains("never run:                2026-11-12"), human.out);
    assertTrue(human.out.contains("failed and not rerun:     2026-11-11 (ingest)"), human.out);
    assertTrue(
        human.out.contains("STALE: no files since 2026-11-10 (latest date run 2026-11-13)"),
        human.out);
    assertTrue(human.out.contains("NEEDS ATTENTION (3)"), human.out);

    Output json = run("status", "--json");
    assertEquals(1, json.code);
    JsonNode j = new ObjectMapper().readTree(json.out);
    assertEquals("2026-11-12", j.path("dates").path("never_run").get(0).asText());
    assertEquals("2026-11-11", j.path("dates").path("failed").get(0).path("date").asText());
    assertEquals("ingest", j.path("dates").path("failed").get(0).path("step").asText());
    assertTrue(
        j.path("dates").path("failed").get(0).path("error").asText().contains("part-0.jsonl.gz"));
    JsonNode orders = j.path("sources").get(0);
    assertEquals("orders", orders.path("source").asText());
    assertEquals("2026-11-10", orders.path("last_arrival_day").asText());
    assertEquals(3, j.path("attention").size());
  }

  @Test
  void aNightlyAfterTheGapIsRefusedNamingTheDaysUnlessAllowed() throws Exception {
    Output o = runErr("nightly", "--date", "2026-11-14", "--steps", "ingest,silver,state");
    assertEquals(Errors.USAGE, o.code);
    assertTrue(
        o.out.contains(
            "2 earlier arrival day(s) since the first date run were never ingested: 2026-11-11,"
                + " 2026-11-12"),
        o.out);
    assertTrue(o.out.contains("cmr backfill --from 2026-11-11 --to 2026-11-14"), o.out);
  }

  private record Output(int code, String out) {}

  private static Output run(String... a) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = CmrCli.execute(args(a));
      return new Output(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  private static Output runErr(String... a) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = CmrCli.execute(args(a));
      return new Output(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }
}
