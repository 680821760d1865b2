package cmr.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one atomic publisher, for the bidder's coefficient versions and for the dashboard exports: a
 * folder of complete, immutable versions named {@code v<UTC ms timestamp>Z-<date>} and a {@code
 * LATEST} file naming the live one.
 *
 * <ul>
 *   <li>A version is written under a hidden temporary name ({@link #stage}), its files are fsynced,
 *       and it is renamed into place ({@link #commit}): a reader never sees part of one.
 *   <li>{@code LATEST} is replaced by a temporary file, fsync and an atomic rename ({@link
 *       #switchLatest}): it always names a complete version, and there is never a moment without
 *       one.
 *   <li>A version stops being reachable when a pointer stops naming it; {@link #markSuperseded}
 *       stamps that moment on its folder (the folder's modification time). {@link #prune} deletes a
 *       version only when that stamp is older than the reader grace period, so a reader that read a
 *       pointer just before the switch can finish loading what it named.
 * </ul>
 *
 * Relies on an atomic rename that replaces its target (POSIX local file systems, NFS, HDFS through
 * a mount); it refuses a file system without one. Single writer: callers hold the warehouse lock.
 */
public final class VersionedFolder {
  public static final String LATEST = "LATEST";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private final Path dir;

  public VersionedFolder(Path dir) {
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

  /** The date a version name carries ({@code v...Z-<date>}). */
  public static LocalDate dateOf(String version) {
    return LocalDate.parse(version.substring(version.length() - 10));
  }

  /** Instant encoded in a version name. */
  public static Instant createdAt(String version) {
    return STAMP.parse(version.substring(1, 20), Instant::from);
  }

  /**
   * A new version name for {@code date}: {@code v<UTC ms timestamp>Z-<date>}, strictly after every
   * existing version even if the clock went back.
   */
  public String newVersionName(Instant now, LocalDate date) {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    List<String> existing = versions();
    if (!existing.isEmpty()) {
      Instant last = createdAt(existing.get(existing.size() - 1));
      if (!t.isAfter(last)) {
        t = last.plusMillis(1);
      }
    }
    return "v" + STAMP.format(t) + "-" + date;
  }

  /** The text of {@code LATEST}, stripped, if the file exists. */
  public Optional<String> pointer() {
    Path p = dir.resolve(LATEST);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(p, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /**
   * A new, empty hidden folder in which {@code version} is written before {@link #commit}. Staging
   * folders and temporary files left by a writer that was killed are deleted first (the single
   * writer holds the warehouse lock, so none of them is in use).
   */
  public Path stage(String version) {
    try {
      Files.createDirectories(dir);
      removeAbandoned();
      return Files.createDirectory(dir.resolve("." + version + ".tmp-" + UUID.randomUUID()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder under " + dir, e);
    }
  }

  /** Deletes the hidden {@code .<name>.tmp-<uuid>} entries a killed writer left behind. */
  public List<String> removeAbandoned() {
    List<String> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") && n.matches(".*\\.tmp-[0-9a-f-]{36}")) {
          deleteTree(p);
          removed.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return removed;
  }

  /** Fsyncs every file of {@code staged} and renames it into place as {@code version}. */
  public void commit(Path staged, String version) {
    try (Stream<Path> files = Files.walk(staged)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      }
      Path target = dir.resolve(version);
      move(staged, target);
      Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
    } catch (IOException e) {
      deleteTree(staged);
      throw new UncheckedIOException("cannot publish version " + version + " under " + dir, e);
    }
  }

  /**
   * Points {@code LATEST} at {@code version} (temporary file, fsync, atomic rename), then stamps
   * the version it named before as superseded.
   */
  public void switchLatest(String version) {
    Optional<String> before = pointer();
    replaceFile(LATEST, (version + "\n").getBytes(StandardCharsets.UTF_8));
    before.filter(v -> !v.equals(version)).ifPresent(this::markSuperseded);
  }

  /**
   * Replaces the file {@code name} of the folder atomically (temporary file, fsync, rename): for
   * pointers such as {@code LATEST} and an index page.
   */
  public void replaceFile(String name, byte[] bytes) {
    Path tmp = dir.resolve("." + name + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(dir);
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      move(tmp, dir.resolve(name));
    } catch (IOException e) {
      deleteTree(tmp);
      throw new UncheckedIOException("cannot replace " + name + " under " + dir, e);
    }
  }

  /** Stamps now as the moment no pointer names {@code version} any more (see {@link #prune}). */
  public void markSuperseded(String version) {
    Path p = dir.resolve(version);
    try {
      if (Files.isDirectory(p)) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stamp " + p, e);
    }
  }

  /**
   * Deletes those of {@code candidates} that LATEST does not name and that were superseded at least
   * {@code grace} before {@code now}. Returns the deleted names.
   */
  public List<String> prune(Collection<String> candidates, Duration grace, Instant now) {
    String live = pointer().orElse(null);
    List<String> deleted = new ArrayList<>();
    for (String v : candidates) {
      Path p = dir.resolve(v);
      if (v.equals(live) || !Files.isDirectory(p)) {
        continue;
      }
      try {
        Instant superseded = Files.getLastModifiedTime(p).toInstant();
        if (!superseded.plus(grace).isAfter(now)) {
          deleteTree(p);
          deleted.add(v);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the time of " + p, e);
      }
    }
    return deleted;
  }

  /** Deletes a version that failed its checks (never the live one). */
  public void discard(String version) {
    if (!version.equals(pointer().orElse(null))) {
      deleteTree(dir.resolve(version));
    }
  }

  /** Deletes a folder and everything under it. */
  public static void deleteTree(Path p) {
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

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of "
              + to
              + " cannot rename atomically; publish to a local or POSIX file system",
          e);
    }
  }
}
