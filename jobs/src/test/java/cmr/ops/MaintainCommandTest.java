package cmr.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.cli.CmrCli;
import cmr.config.CmrConfig;
import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.step.Progress;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@code cmr maintain} compacts without changing rows, and refuses a too short retention. */
class MaintainCommandTest {
  @Test
  void compactsTwelveNightsOfSmallFilesIntoOneAndKeepsTheRows() {
    SparkSession spark = TestSpark.spark();
    Path root = TestSpark.tempDir("maintain");
    CmrConfig cfg = TestSpark.config(root, Map.of());
    String path = new Warehouse(cfg.paths().warehouse()).gold("daily_kpis");
    // 12 nights, each replacing its own date (as the kpis step does): 12 small files
    for (int d = 1; d <= 12; d++) {
      Warehouse.replace(
          spark.sql(
              "SELECT DATE'2026-11-01' + "
                  + (d - 1)
                  + " AS date, CAST("
                  + d
                  + " AS BIGINT) AS dau"),
          path,
          "date = DATE'2026-11-01' + " + (d - 1),
          List.of());
    }
    List<String> before = TestSpark.rows(spark.read().format("delta").load(path).orderBy("date"));
    Maintenance m = new Maintenance(spark, cfg);
    assertEquals(List.of("gold/daily_kpis"), m.tables());
    Maintenance.TableResult r = m.run(List.of(), false, Progress.silent()).get(0);
    assertEquals(12, r.before().liveFiles());
    assertEquals(1, r.after().liveFiles());
    // VACUUM keeps the replaced files: they are younger than the 30-day retention
    assertEquals(13, r.after().diskFiles());
    assertEquals(before, TestSpark.rows(spark.read().format("delta").load(path).orderBy("date")));
    // through the command line, with the lock
    assertEquals(
        0, CmrCli.execute("maintain", "--warehouse", cfg.paths().warehouse(), "--vacuum-only"));
  }

  @Test
  void aRetentionShorterThanTheSettlementAuditNeedsIsRefused() {
    CmrException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CmrException.class,
            () ->
                TestSpark.config(
                    TestSpark.tempDir("maintain-short"),
                    Map.of("operations.vacuum_retention", "3d")));
    assertEquals(Errors.USAGE, e.exitCode());
    // settlement.cycle_days 7 + ingest.late_days 7 = 14 days
    assertTrue(e.getMessage().contains("shorter than 14 days"), e.getMessage());
  }
}
