package cmr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.cli.CmrCli;
import cmr.testing.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code cmr sql} over gold, and every SQL cell of the notebook definitions runs with it. */
class SqlCommandTest {
  static Path warehouse;

  @BeforeAll
  static void fixture() {
    warehouse = TestSpark.tempDir("dash-sql").resolve("warehouse");
    GoldFixture.writeAll(warehouse);
  }

  record Out(int exit, String out) {}

  static Out sql(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 3];
      all[0] = "sql";
      all[1] = "--warehouse";
      all[2] = warehouse.toString();
      System.arraycopy(args, 0, all, 3, args.length);
      return new Out(CmrCli.execute(all), buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void printsAQueryOverGoldTablesAsATable() {
    Out o =
        sql(
            "-p",
            "run_date=2026-11-20",
            "SELECT date, gmv, final FROM daily_kpis WHERE date = :run_date");
    assertEquals(0, o.exit(), o.out());
    // Nov 20: gmv = 1100 + 10 * 20 = 1300.00; not final (provisional from Nov 13)
    assertTrue(o.out().contains("| 2026-11-20 | 1300.00 | false |"), o.out());
    assertTrue(o.out().contains("1 row(s)"), o.out());
  }

  @Test
  void aBadQueryIsAUsageErrorNamingTheTables() {
    assertEquals(2, sql("SELECT * FROM silver_orders").exit());
  }

  @Test
  void aSyntaxErrorShowsSparksMessage() {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
    Out o;
    try {
      o = sql("SELEC date FROM daily_kpis");
    } finally {
      System.setErr(old);
    }
    assertEquals(2, o.exit());
    String err = buf.toString(StandardCharsets.UTF_8);
    assertTrue(
        err.contains("cmr: usage error: sql: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"),
        err);
  }

  @Test
  void everyNotebookCellRunsWithCmrSql() throws IOException {
    for (String name : DashboardExporter.NOTEBOOKS) {
      for (JsonNode cell : DashboardExporter.definition(name).path("cells")) {
        if (!cell.path("cell_type").asText().equals("code")) {
          continue;
        }
        Path f = TestSpark.tempDir("cell").resolve(cell.path("id").asText() + ".sql");
        Files.writeString(f, NotebookRenderer.join(cell.get("source")), StandardCharsets.UTF_8);
        Out o =
            sql(
                "-p",
                "run_date=2026-11-20",
                "-p",
                "month=2026-11",
                "--limit",
                "3",
                "--file",
                f.toString());
        assertEquals(0, o.exit(), name + "/" + cell.path("id").asText() + ": " + o.out());
        assertTrue(o.out().contains("row(s)"), o.out());
      }
    }
  }
}
