package cmr.loader;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The writing side of the published folder (the publisher uses it; the bidder never does): write a
 * version completely into a hidden temporary folder and rename it into place, switch {@code LATEST}
 * atomically (temporary file, fsync, {@code ATOMIC_MOVE}), prune old versions. Readers therefore
 * see either the previous complete version or the new complete one. Single writer: publications
 * must not run concurrently against one folder.
 */
public final class PublishedFolder {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private final Path dir;

  public PublishedFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Version folders present, oldest first (names sort in publication order). */
  public List<String> versions() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (CoefficientsFormat.VERSION.matcher(n).matches() && Files.isDirectory(p)) {
          out.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** The live version, if {@code LATEST} exists. */
  public Optional<String> live() {
    if (!Files.exists(dir.resolve(CoefficientsFormat.LATEST))) {
      return Optional.empty();
    }
    return Optional.of(CoefficientsLoader.readLatest(dir));
  }

  /**
   * A new version name for {@code runDate}: {@code v<UTC ms timestamp>Z-<run date>}, strictly after
   * every existing version even if the clock went back.
   */
  public String newVersionName(Instant now, LocalDate runDate) {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    List<String> existing = versions();
    if (!existing.isEmpty()) {
      String last = existing.get(existing.size() - 1);
      Instant lastT = STAMP.parse(last.substring(1, 20), Instant::from);
      if (!t.isAfter(lastT)) {
        t = lastT.plusMillis(1);
      }
    }
    return "v" + STAMP.format(t) + "-" + runDate;
  }

  /** Instant encoded in a version name. */
  public static Instant createdAt(String version) {
    return STAMP.parse(version.substring(1, 20), Instant::from);
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
    Path tmp = dir.resolve("." + version + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(tmp);
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
      writeDurably(
          tmp.resolve(CoefficientsFormat.MANIFEST), m.toJson().getBytes(StandardCharsets.UTF_8));
      move(tmp, dir.resolve(version));
      return m;
    } catch (IOException e) {
      deleteTree(tmp);
      throw new UncheckedIOException("cannot write version " + version + " under " + dir, e);
    } catch (RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Points {@code LATEST} at {@code version}: temporary file, fsync, atomic rename. */
  public void switchLatest(String version) {
    Path tmp = dir.resolve(".LATEST.tmp-" + UUID.randomUUID());
    try {
      writeDurably(tmp, (version + "\n").getBytes(StandardCharsets.UTF_8));
      move(tmp, dir.resolve(CoefficientsFormat.LATEST));
    } catch (IOException e) {
      deleteTree(tmp);
      throw new UncheckedIOException("cannot switch LATEST under " + dir, e);
    }
  }

  /**
   * Deletes the oldest versions so that {@code keep} remain, never the live one. Returns the
   * deleted names.
   */
  public List<String> prune(int keep) {
    String live = live().orElse(null);
    List<String> all = versions();
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < all.size() - keep; i++) {
      if (!all.get(i).equals(live)) {
        deleteTree(dir.resolve(all.get(i)));
        deleted.add(all.get(i));
      }
    }
    return deleted;
  }

  /** Deletes a version folder that failed its checks (never the live one). */
  public void discard(String version) {
    if (!version.equals(live().orElse(null))) {
      deleteTree(dir.resolve(version));
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
      fos.getFD().sync();
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

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of "
              + to
              + " cannot rename atomically; publish to a "
              + "local or POSIX file system",
          e);
    }
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }
}
