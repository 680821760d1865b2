package cmr.loader;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the coefficient version that {@code LATEST} names under a published folder, verifies it
 * (manifest format, per-file SHA-256 and row count, strict CSV, the content checks of {@link
 * Coefficients#of}) and keeps it. {@link #reload()} swaps in a newer version only when it verifies
 * completely; otherwise the last good version stays in use. Thread-safe; JDK only. Cost: reads each
 * file of a version once (a few MB per 100k campaigns).
 */
public final class CoefficientsLoader {
  private final Path dir;
  private final AtomicReference<Coefficients> current = new AtomicReference<>();

  public CoefficientsLoader(Path publishedDir) {
    this.dir = Objects.requireNonNull(publishedDir);
  }

  /** The version in use, or null before the first successful load. */
  public Coefficients current() {
    return current.get();
  }

  /**
   * Loads the version {@code LATEST} names if it differs from the current one. On any failure the
   * current version is kept and the failure thrown (a first load has nothing to keep).
   */
  public Coefficients reload() {
    String name = readLatest(dir);
    Coefficients now = current.get();
    if (now != null && now.version().equals(name)) {
      return now;
    }
    Coefficients next = loadVersion(dir, name);
    current.set(next);
    return next;
  }

  /** Reads the version named by {@code LATEST} once, without keeping state. */
  public static Coefficients loadLatest(Path dir) {
    return loadVersion(dir, readLatest(dir));
  }

  /** The name in {@code LATEST}: one line, a valid version name. */
  public static String readLatest(Path dir) {
    String text = read(dir.resolve(CoefficientsFormat.LATEST), "LATEST");
    String name = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (!CoefficientsFormat.VERSION.matcher(name).matches()) {
      throw new CoefficientsException("latest", "LATEST holds '" + name + "', not a version name");
    }
    return name;
  }

  /** Reads and verifies one version folder. */
  public static Coefficients loadVersion(Path dir, String version) {
    if (!CoefficientsFormat.VERSION.matcher(version).matches()) {
      throw new CoefficientsException("latest", "'" + version + "' is not a version name");
    }
    Path v = dir.resolve(version);
    Manifest m =
        Manifest.parse(read(v.resolve(CoefficientsFormat.MANIFEST), version + "/manifest.json"));
    if (!m.version().equals(version)) {
      throw new CoefficientsException(
          "manifest", version + "/manifest.json names version " + m.version());
    }
    List<List<String>> channels =
        verified(v, m, CoefficientsFormat.CHANNELS, CoefficientsFormat.CHANNEL_HEADER);
    List<List<String>> campaigns =
        verified(v, m, CoefficientsFormat.CAMPAIGNS, CoefficientsFormat.CAMPAIGN_HEADER);
    List<CampaignCoefficients> camp = new ArrayList<>(campaigns.size());
    for (int i = 1; i < campaigns.size(); i++) {
      camp.add(campaign(campaigns.get(i), version + "/campaigns.csv row " + i));
    }
    List<ChannelCoefficients> chan = new ArrayList<>(channels.size());
    for (int i = 1; i < channels.size(); i++) {
      chan.add(channel(channels.get(i), version + "/channels.csv row " + i));
    }
    return Coefficients.of(m, camp, chan);
  }

  private static List<List<String>> verified(Path v, Manifest m, String file, List<String> header) {
    Path p = v.resolve(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new CoefficientsException("missing_file", p + " does not exist");
    } catch (IOException e) {
      throw new CoefficientsException("missing_file", p + " cannot be read: " + e.getMessage(), e);
    }
    Manifest.FileEntry expected = m.files().get(file);
    String sha = sha256(bytes);
    if (!sha.equals(expected.sha256())) {
      throw new CoefficientsException(
          "checksum", p + " has SHA-256 " + sha + ", manifest says " + expected.sha256());
    }
    List<List<String>> rows = Csv.parse(utf8(bytes, p.toString()), p.toString());
    if (rows.isEmpty() || !rows.get(0).equals(header)) {
      throw new CoefficientsException("format", p + " header is not " + String.join(",", header));
    }
    if (rows.size() - 1 != expected.rows()) {
      throw new CoefficientsException(
          "row_count", p + " has " + (rows.size() - 1) + " rows, manifest says " + expected.rows());
    }
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) {
        throw new CoefficientsException(
            "format",
            p + " row " + i + " has " + rows.get(i).size() + " fields, expected " + header.size());
      }
    }
    return rows;
  }

  private static CampaignCoefficients campaign(List<String> r, String where) {
    String roi = r.get(7);
    String status = r.get(8);
    if (!CoefficientsFormat.STATUSES.contains(status)) {
      throw new CoefficientsException("format", where + ": status '" + status + "'");
    }
    return new CampaignCoefficients(
        CoefficientsFormat.parseId(r.get(0), where),
        CoefficientsFormat.parseId(r.get(1), where),
        CoefficientsFormat.parseNumber(r.get(2), where),
        CoefficientsFormat.parseNumber(r.get(3), where),
        CoefficientsFormat.parseNumber(r.get(4), where),
        CoefficientsFormat.parseNumber(r.get(5), where),
        CoefficientsFormat.parseNumber(r.get(6), where),
        roi.isEmpty() ? null : CoefficientsFormat.parseNumber(roi, where),
        status);
  }

  private static ChannelCoefficients channel(List<String> r, String where) {
    return new ChannelCoefficients(
        CoefficientsFormat.parseId(r.get(0), where),
        r.get(1),
        CoefficientsFormat.parseNumber(r.get(2), where),
        CoefficientsFormat.parseNumber(r.get(3), where),
        CoefficientsFormat.parseNumber(r.get(4), where),
        CoefficientsFormat.parseNumber(r.get(5), where),
        CoefficientsFormat.parseInt(r.get(6), where));
  }

  private static String read(Path p, String what) {
    try {
      return utf8(Files.readAllBytes(p), what);
    } catch (NoSuchFileException e) {
      throw new CoefficientsException("missing_file", p + " does not exist");
    } catch (IOException e) {
      throw new CoefficientsException("missing_file", p + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CoefficientsException("format", what + " is not UTF-8");
    }
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
