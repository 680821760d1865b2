package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.loader.Coefficients;
import cmr.loader.CoefficientsLoader;
import cmr.loader.PublishedFolder;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Publication rules of SPEC §4 on a small simulated market: the loader reads what was published,
 * failed checks leave LATEST alone, drift is refused unless forced, an older run date never
 * replaces a later one, versions are pruned.
 */
class PublishCoefficientsTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void publishesChecksAndRefuses() throws java.io.IOException {
    SparkSession spark = TestSpark.spark();
    Path root = TestSpark.tempDir("coef-pub");
    // no reader grace: versions beyond the newest 3 are pruned at once
    CmrConfig cfg =
        TestSpark.config(
            root, Map.of("coefficients.keep_versions", "3", "publication.reader_grace", "0s"));
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    Path dir = cfg.paths().publishedFolder();
    SimulatedMarket.write(spark, wh, root.resolve("truth"), RUN, 60, 0.2, 150, 11);
    ModelSettings settings = ModelSettings.from(cfg.coefficients());
    TrainCoefficients train = new TrainCoefficients(spark, wh, settings);
    PublishCoefficients pub =
        new PublishCoefficients(
            spark, wh, cfg.coefficients(), dir, cfg.publication().readerGrace());
    PublishedFolder folder = new PublishedFolder(dir);

    train.trainAndRecord(RUN);
    PublishCoefficients.Result first = pub.publish(RUN, false);
    assertTrue(first.published());
    Coefficients c = CoefficientsLoader.loadLatest(dir);
    assertEquals(first.version(), c.version());
    assertEquals(60, c.campaignCount(), "every active campaign has a row");
    assertNull(c.manifest().previousVersion());
    assertEquals(RUN.minusDays(27), c.manifest().trainingFrom());

    // A rerun of the same date is published again; versions sort in publication order.
    PublishCoefficients.Result second = pub.publish(RUN, false);
    assertTrue(second.version().compareTo(first.version()) > 0);
    assertEquals(first.version(), CoefficientsLoader.loadLatest(dir).manifest().previousVersion());

    // Drift: every target ROI x5 in the snapshot forces much smaller plans with higher marginal
    // returns (bid multiplier = 1/mu falls by far more than 2x, or to 0): far beyond 20%.
    spark
        .read()
        .format("delta")
        .load(wh.silver("campaigns"))
        .selectExpr(
            "campaign_id",
            "merchant_id",
            "item_id",
            "campaign_type",
            "daily_budget",
            "CAST(target_roi * 5 AS DECIMAL(18,4)) AS target_roi",
            "start_date",
            "end_date",
            "snapshot_date")
        .write()
        .format("delta")
        .mode("overwrite")
        .save(wh.silver("campaigns"));
    train.trainAndRecord(RUN);
    int before = folder.versions().size();
    CmrException drift = assertThrows(CmrException.class, () -> pub.publish(RUN, false));
    assertEquals(Errors.PUBLICATION, drift.exitCode());
    assertEquals("drift", drift.input());
    assertTrue(drift.reason().contains("qzt"), drift.reason());
    assertEquals(second.version(), folder.live().orElseThrow(), "LATEST untouched");
    assertEquals(before, folder.versions().size(), "the refused version is deleted");
    PublishCoefficients.Result forced = pub.publish(RUN, true);
    assertTrue(forced.published());
    assertTrue(forced.detail().contains("drift check overridden"));

    // A missing active campaign (rows deleted from the history) is refused.
    spark.sql(
        "DELETE FROM delta.`"
            + wh.gold("allocation_coefficients")
            + "` WHERE campaign_id = 'qzt00003'");
    CmrException missing = assertThrows(CmrException.class, () -> pub.publish(RUN, true));
    assertEquals("every_active_campaign", missing.input());
    assertTrue(missing.reason().contains("qzt00003"));
    assertEquals(forced.version(), folder.live().orElseThrow());

    // An older run date records history but never replaces a later live version.
    train.trainAndRecord(RUN.minusDays(1));
    PublishCoefficients.Result older = pub.publish(RUN.minusDays(1), true);
    assertFalse(older.published());
    assertTrue(older.detail().contains("later date"), older.detail());
    assertEquals(forced.version(), folder.live().orElseThrow());
    // ... also when the live version can no longer be read (its checksum no longer matches): the
    // run date at the end of its name still guards it
    Path liveChannels = dir.resolve(forced.version()).resolve("channels.csv");
    java.nio.file.Files.writeString(liveChannels, "x", java.nio.file.StandardOpenOption.APPEND);
    PublishCoefficients.Result olderOverBroken = pub.publish(RUN.minusDays(1), true);
    assertFalse(olderOverBroken.published());
    assertTrue(
        olderOverBroken.detail().contains("later date (" + RUN + ")"), olderOverBroken.detail());
    assertEquals(forced.version(), folder.live().orElseThrow());
    assertEquals(RUN, PublishCoefficients.runDateOfName(forced.version()));
    assertNull(PublishCoefficients.runDateOfName("not-a-version"));

    // keep_versions = 3
    assertEquals(3, folder.versions().size());
  }
}
