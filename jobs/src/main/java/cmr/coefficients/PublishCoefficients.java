package cmr.coefficients;

import static org.apache.spark.sql.functions.col;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.loader.CampaignCoefficients;
import cmr.loader.ChannelCoefficients;
import cmr.loader.Coefficients;
import cmr.loader.CoefficientsException;
import cmr.loader.CoefficientsLoader;
import cmr.loader.PublishedFolder;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Publishes one run date's trained set from {@code gold/allocation_coefficients} as a new version
 * (SPEC §4): rows are streamed from Spark ({@code toLocalIterator}, never collected) into a hidden
 * folder renamed into place, the version is re-read and verified with the bidder's own loader
 * (checksums, counts, no NaN/infinity/negative, weights, expected_spend <= budget), every active
 * campaign must have a row, and the bid multipliers must not drift (unless forced); only then is
 * {@code LATEST} switched atomically and old versions pruned. A failed check deletes the new
 * folder, leaves {@code LATEST} untouched and throws {@link Errors#publication}. A run date older
 * than the live version's publishes nothing.
 */
public final class PublishCoefficients {
  private final SparkSession spark;
  private final Warehouse wh;
  private final CmrConfig.Coefficients cfg;
  private final ModelSettings settings;
  private final PublishedFolder folder;
  private final Duration readerGrace;

  /**
   * @param readerGrace how long a superseded version stays before pruning ({@code
   *     publication.reader_grace})
   */
  public PublishCoefficients(
      SparkSession spark,
      Warehouse wh,
      CmrConfig.Coefficients cfg,
      Path publishedDir,
      Duration readerGrace) {
    this.spark = spark;
    this.wh = wh;
    this.cfg = cfg;
    this.settings = ModelSettings.from(cfg);
    this.folder = new PublishedFolder(publishedDir);
    this.readerGrace = readerGrace;
  }

  /** What a publication did: the version, whether LATEST now names it, and why not. */
  public record Result(String version, boolean published, String detail) {}

  public Result publish(LocalDate runDate, boolean force) {
    mkdirs();
    Optional<String> liveName = folder.live();
    Coefficients live = null;
    String liveNote = "";
    if (liveName.isPresent()) {
      try {
        live = CoefficientsLoader.loadVersion(folder.dir(), liveName.get());
      } catch (CoefficientsException e) {
        liveNote =
            "; live version "
                + liveName.get()
                + " is unreadable ("
                + e.getMessage()
                + "), nothing to compare";
      }
      // an unreadable live version still names its run date (the version name ends with it)
      LocalDate liveDate = live != null ? live.manifest().runDate() : runDateOfName(liveName.get());
      if (liveDate != null && liveDate.isAfter(runDate)) {
        return new Result(
            null,
            false,
            "not published: live version "
                + liveName.get()
                + " was trained for a later date ("
                + liveDate
                + ")");
      }
    }
    Dataset<Row> set =
        spark
            .read()
            .format("delta")
            .load(wh.gold(HistoryRows.TABLE))
            .where(col("run_date").equalTo(java.sql.Date.valueOf(runDate)));
    if (set.isEmpty()) {
      throw Errors.input(
          "publish",
          wh.gold(HistoryRows.TABLE) + " run_date=" + runDate,
          "has no trained coefficients",
          "run cmr coefficients train --date " + runDate + " first");
    }
    String version = folder.newVersionName(Instant.now(), runDate);
    folder.writeVersion(
        version,
        runDate,
        settings.trainingFrom(runDate),
        runDate,
        liveName.orElse(null),
        campaigns(set),
        channels(set));
    Coefficients fresh;
    try {
      fresh = CoefficientsLoader.loadVersion(folder.dir(), version);
      checkEveryActiveCampaign(fresh, runDate);
      if (live != null && !force) {
        checkDrift(live, fresh);
      }
    } catch (CoefficientsException e) {
      folder.discard(version);
      throw Errors.publication(e.check(), version + " refused: " + e.reason());
    } catch (RuntimeException e) { // a check that could not run: no unchecked version is left
      folder.discard(version);
      throw e;
    }
    folder.switchLatest(version);
    List<String> pruned = folder.prune(cfg.keepVersions(), readerGrace);
    return new Result(
        version,
        true,
        "published "
            + version
            + " ("
            + fresh.campaignCount()
            + " campaigns"
            + (force ? ", drift check overridden" : "")
            + ")"
            + (pruned.isEmpty() ? "" : ", pruned " + pruned.size() + " old version(s)")
            + liveNote);
  }

  /** The run date at the end of a version name ({@code v<stamp>-YYYY-MM-DD}), or null. */
  static LocalDate runDateOfName(String version) {
    try {
      return LocalDate.parse(version.substring(version.length() - 10));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** SPEC §4: every active quanzhantui campaign of the run date has a row. */
  private void checkEveryActiveCampaign(Coefficients fresh, LocalDate runDate) {
    new TrainCoefficients(spark, wh, settings).registerInputs();
    Iterator<Row> active =
        SqlFiles.run(spark, "coefficients/active_campaigns", settings.sqlArgs(runDate))
            .select("campaign_id")
            .toLocalIterator();
    List<String> missing = new ArrayList<>();
    active.forEachRemaining(
        r -> {
          if (fresh.campaign(r.getString(0)).isEmpty()) {
            missing.add(r.getString(0));
          }
        });
    if (!missing.isEmpty()) {
      throw new CoefficientsException(
          "every_active_campaign",
          missing.size()
              + " active campaign(s) have no row: "
              + CoefficientsException.names(missing, 10));
    }
  }

  /**
   * SPEC §4 drift: among campaigns that are {@code ok} in both versions, no more than
   * max_drift_share may move their bid multiplier by more than drift_factor either way (from or to
   * 0 counts as a move).
   */
  private void checkDrift(Coefficients live, Coefficients fresh) {
    long comparable = 0;
    List<String> moved = new ArrayList<>();
    double limit = Math.log(cfg.driftFactor());
    for (CampaignCoefficients n : fresh.campaigns().values()) {
      CampaignCoefficients o = live.campaign(n.campaignId()).orElse(null);
      if (o == null || !o.status().equals("ok") || !n.status().equals("ok")) {
        continue;
      }
      comparable++;
      double a = o.bidMultiplier();
      double b = n.bidMultiplier();
      boolean move = (a == 0) != (b == 0) || (a > 0 && Math.abs(Math.log(b / a)) > limit);
      if (move) {
        moved.add(n.campaignId());
      }
    }
    if (comparable > 0 && moved.size() > cfg.maxDriftShare() * comparable) {
      moved.sort(null);
      throw new CoefficientsException(
          "drift",
          String.format(
              "%d of %d comparable campaigns (%.1f%% > %.1f%%) move their bid multiplier by more than "
                  + "%.1fx: %s",
              moved.size(),
              comparable,
              100.0 * moved.size() / comparable,
              100 * cfg.maxDriftShare(),
              cfg.driftFactor(),
              CoefficientsException.names(moved, 10)));
    }
  }

  private static Iterator<CampaignCoefficients> campaigns(Dataset<Row> set) {
    Iterator<Row> it =
        set.dropDuplicates(new String[] {"campaign_id"})
            .orderBy("campaign_id")
            .select(
                "campaign_id",
                "merchant_id",
                "budget",
                "target_roi",
                "bid_multiplier",
                "expected_spend",
                "expected_gmv",
                "expected_roi",
                "status")
            .toLocalIterator();
    return map(
        it,
        r ->
            new CampaignCoefficients(
                r.getAs("campaign_id"),
                r.getAs("merchant_id"),
                dbl(r.getAs("budget")),
                r.isNullAt(r.fieldIndex("target_roi")) ? 0 : r.<Double>getAs("target_roi"),
                r.<Double>getAs("bid_multiplier"),
                dbl(r.getAs("expected_spend")),
                dbl(r.getAs("expected_gmv")),
                r.<Double>getAs("expected_roi"),
                r.getAs("status")));
  }

  private static Iterator<ChannelCoefficients> channels(Dataset<Row> set) {
    Iterator<Row> it =
        set.where(col("alpha").gt(0))
            .orderBy("campaign_id", "channel")
            .select(
                "campaign_id", "channel", "weight", "spend_plan", "alpha", "beta", "days_observed")
            .toLocalIterator();
    return map(
        it,
        r ->
            new ChannelCoefficients(
                r.getAs("campaign_id"),
                r.getAs("channel"),
                r.<Double>getAs("weight"),
                dbl(r.getAs("spend_plan")),
                r.<Double>getAs("alpha"),
                r.<Double>getAs("beta"),
                r.<Integer>getAs("days_observed")));
  }

  private static double dbl(BigDecimal d) {
    return d == null ? 0 : d.doubleValue();
  }

  private interface Fn<A, B> {
    B apply(A a);
  }

  private static <A, B> Iterator<B> map(Iterator<A> it, Fn<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public B next() {
        return f.apply(it.next());
      }
    };
  }

  private void mkdirs() {
    try {
      Files.createDirectories(folder.dir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder.dir(), e);
    }
  }
}
