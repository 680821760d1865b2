package cmr.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes a finished export folder as {@code <exports>/<date>/} and points {@code
 * <exports>/LATEST} (one line: the date) at it. The folder is written completely under a hidden
 * temporary name first and then renamed into place; LATEST is replaced by writing a temporary file
 * and renaming it atomically, and never moves back to an older date. The exports folder must be a
 * local or mounted file system (rename is the atomic step).
 */
public final class ExportPublisher {
  public static final String LATEST = "LATEST";

  private final Path exports;

  public ExportPublisher(Path exports) {
    this.exports = exports;
  }

  /** A new, empty staging folder next to where the date's folder will go. */
  public Path staging(LocalDate date) {
    try {
      Files.createDirectories(exports);
      return Files.createDirectory(exports.resolve("." + date + ".tmp-" + UUID.randomUUID()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves {@code staged} into place as {@code <exports>/<date>} (replacing an earlier export of the
   * same date) and advances LATEST unless it already names a later date.
   *
   * @return true when LATEST now names {@code date}
   */
  public boolean publish(Path staged, LocalDate date) {
    try {
      Path target = exports.resolve(date.toString());
      Path old = null;
      if (Files.exists(target)) {
        old = exports.resolve("." + date + ".old-" + UUID.randomUUID());
        move(target, old);
      }
      move(staged, target);
      if (old != null) {
        deleteTree(old);
      }
      Optional<LocalDate> latest = latest();
      if (latest.isPresent() && latest.get().isAfter(date)) {
        return false;
      }
      Path tmp = exports.resolve("." + LATEST + ".tmp-" + UUID.randomUUID());
      Files.writeString(tmp, date + "\n", StandardCharsets.UTF_8);
      move(tmp, exports.resolve(LATEST));
      return true;
    } catch (IOException e) {
      throw cmr.errors.Errors.step(
          "export", exports.toString(), "cannot publish the export: " + e.getMessage(), e);
    }
  }

  /** The date LATEST names, if the file exists and holds a date. */
  public Optional<LocalDate> latest() {
    Path p = exports.resolve(LATEST);
    try {
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.parse(Files.readString(p, StandardCharsets.UTF_8).strip()));
    } catch (IOException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a folder and everything under it. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
