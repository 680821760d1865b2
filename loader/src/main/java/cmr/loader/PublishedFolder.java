package cmr.loader;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writing side of the published folder (the publisher uses it; the bidder never does): the
 * coefficient files of a version, written into a {@link VersionedFolder}, which renames the
 * complete version into place, switches {@code LATEST} atomically and prunes superseded versions
 * after a grace period. Readers therefore see either the previous complete version or the new
 * complete one, and a version a reader has just been pointed at stays until the grace period is
 * over. Single writer: publications must not run concurrently against one folder.
 */
public final class PublishedFolder {
  private final VersionedFolder folder;

  public PublishedFolder(Path dir) {
    this.folder = new VersionedFolder(dir);
  }

  public Path dir() {
    return folder.dir();
  }

  /** Version folders present, oldest first (names sort in publication order). */
  public List<String> versions() {
    return folder.versions();
  }

  /** The live version, if {@code LATEST} exists. */
  public Optional<String> live() {
    if (!Files.exists(dir().resolve(CoefficientsFormat.LATEST))) {
      return Optional.empty();
    }
    return Optional.of(CoefficientsLoader.readLatest(dir()));
  }

  /**
   * A new version name for {@code runDate}: {@code v<UTC ms timestamp>Z-<run date>}, strictly after
   * every existing version even if the clock went back.
   */
  public String newVersionName(Instant now, LocalDate runDate) {
    return folder.newVersionName(now, runDate);
  }

  /** Instant encoded in a version name. */
  public static Instant createdAt(String version) {
    return VersionedFolder.createdAt(version);
  }

  /**
   * Writes a complete version folder and returns its manifest. Rows are streamed (the caller may
   * feed them from a distributed iterator); files are fsynced before the folder is renamed in.
   */
  public Manifest writeVersion(
      String version,
      LocalDate runDate,
      LocalDate trainingFrom,
      LocalDate trainingTo,
      String previousVersion,
      Iterator<CampaignCoefficients> campaigns,
      Iterator<ChannelCoefficients> channels) {
    Path tmp = folder.stage(version);
    try {
      Manifest.FileEntry ch =
          writeCsv(
              tmp.resolve(CoefficientsFormat.CHANNELS),
              CoefficientsFormat.CHANNEL_HEADER,
              channels,
              PublishedFolder::channelFields);
      Manifest.FileEntry ca =
          writeCsv(
              tmp.resolve(CoefficientsFormat.CAMPAIGNS),
              CoefficientsFormat.CAMPAIGN_HEADER,
              campaigns,
              PublishedFolder::campaignFields);
      Manifest m =
          new Manifest(
              Manifest.FORMAT,
              version,
              runDate,
              createdAt(version),
              trainingFrom,
              trainingTo,
              previousVersion,
              Map.of(CoefficientsFormat.CHANNELS, ch, CoefficientsFormat.CAMPAIGNS, ca));
      Files.write(
          tmp.resolve(CoefficientsFormat.MANIFEST), m.toJson().getBytes(StandardCharsets.UTF_8));
      folder.commit(tmp, version);
      return m;
    } catch (IOException e) {
      VersionedFolder.deleteTree(tmp);
      throw new UncheckedIOException("cannot write version " + version + " under " + dir(), e);
    } catch (RuntimeException e) {
      VersionedFolder.deleteTree(tmp);
      throw e;
    }
  }

  /** Points {@code LATEST} at {@code version}: temporary file, fsync, atomic rename. */
  public void switchLatest(String version) {
    folder.switchLatest(version);
  }

  /**
   * Deletes the versions older than the newest {@code keep}, never the live one, and only those
   * superseded more than {@code grace} ago (a reader that read {@code LATEST} just before it moved
   * may still be loading one). Returns the deleted names.
   */
  public List<String> prune(int keep, Duration grace) {
    List<String> all = versions();
    return folder.prune(all.subList(0, Math.max(0, all.size() - keep)), grace, Instant.now());
  }

  /** Deletes a version folder that failed its checks (never the live one). */
  public void discard(String version) {
    if (!version.equals(live().orElse(null))) {
      VersionedFolder.deleteTree(dir().resolve(version));
    }
  }

  private interface Fields<T> {
    List<String> of(T row);
  }

  private static <T> Manifest.FileEntry writeCsv(
      Path file, List<String> header, Iterator<T> rows, Fields<T> fields) throws IOException {
    MessageDigest md = sha();
    long n = 0;
    try (FileOutputStream fos = new FileOutputStream(file.toFile());
        OutputStream out = new DigestOutputStream(new BufferedOutputStream(fos, 1 << 16), md)) {
      out.write(Csv.record(header).getBytes(StandardCharsets.UTF_8));
      while (rows.hasNext()) {
        out.write(Csv.record(fields.of(rows.next())).getBytes(StandardCharsets.UTF_8));
        n++;
      }
      out.flush();
    }
    return new Manifest.FileEntry(n, HexFormat.of().formatHex(md.digest()));
  }

  static List<String> channelFields(ChannelCoefficients c) {
    return List.of(
        c.campaignId(),
        c.channel(),
        CoefficientsFormat.number(c.weight()),
        money(c.spendPlan()),
        CoefficientsFormat.number(c.alpha()),
        CoefficientsFormat.number(c.beta()),
        Integer.toString(c.daysObserved()));
  }

  static List<String> campaignFields(CampaignCoefficients c) {
    return List.of(
        c.campaignId(),
        c.merchantId(),
        money(c.budget()),
        CoefficientsFormat.number(c.targetRoi()),
        CoefficientsFormat.number(c.bidMultiplier()),
        money(c.expectedSpend()),
        money(c.expectedGmv()),
        c.expectedRoi() == null ? "" : CoefficientsFormat.number(c.expectedRoi()),
        c.status());
  }

  private static String money(double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException("not a finite non-negative amount: " + v);
    }
    return CoefficientsFormat.money(new BigDecimal(v).setScale(2, RoundingMode.HALF_UP));
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
