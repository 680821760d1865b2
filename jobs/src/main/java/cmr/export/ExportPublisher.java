package cmr.export;

import cmr.errors.Errors;
import cmr.loader.CoefficientsFormat;
import cmr.loader.VersionedFolder;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Publishes dashboard exports with the same atomic publisher as the coefficients ({@link
 * VersionedFolder}): each export is a complete, immutable version folder {@code
 * <exports>/v<stamp>Z-<date>/}, renamed into place when it is complete. Then {@code index.html}
 * (every exported date, linked to its newest version) and {@code LATEST} (the version of the latest
 * date; it never moves back to an older date) are replaced atomically, so neither ever names a
 * missing or incomplete folder. A rerun of a date leaves its previous version in place for the
 * reader grace period, then the next publication prunes it.
 */
public final class ExportPublisher {
  public static final String LATEST = VersionedFolder.LATEST;
  public static final String INDEX = "index.html";

  private final VersionedFolder folder;
  private final Duration readerGrace;

  public ExportPublisher(Path exports, Duration readerGrace) {
    this.folder = new VersionedFolder(exports);
    this.readerGrace = readerGrace;
  }

  /** A folder being written: publish it with {@link #publish}. */
  public record Staged(Path dir, String version, LocalDate date) {}

  /** A new, empty hidden staging folder for the export of {@code date}. */
  public Staged staging(LocalDate date) {
    String version = folder.newVersionName(Instant.now(), date);
    return new Staged(folder.stage(version), version, date);
  }

  /** What a publication did. */
  public record Published(Path folder, boolean latestMoved, List<String> pruned) {}

  /**
   * Renames {@code staged} into place, rewrites the index, and advances LATEST unless it already
   * names a later date; then prunes the versions of a date that a newer one replaced more than the
   * grace period ago.
   */
  public Published publish(Staged staged) {
    try {
      folder.commit(staged.dir(), staged.version());
      Map<LocalDate, String> current = currentByDate();
      folder.replaceFile(INDEX, ExportIndex.render(current).getBytes(StandardCharsets.UTF_8));
      for (String v : folder.versions()) {
        if (VersionedFolder.dateOf(v).equals(staged.date()) && !v.equals(staged.version())) {
          folder.markSuperseded(v);
        }
      }
      Optional<LocalDate> latest = latest();
      boolean moved = latest.isEmpty() || !latest.get().isAfter(staged.date());
      if (moved) {
        folder.switchLatest(staged.version());
      }
      List<String> pruned = folder.prune(replaced(current), readerGrace, Instant.now());
      return new Published(folder.dir().resolve(staged.version()), moved, pruned);
    } catch (UncheckedIOException e) {
      throw Errors.step(
          "export", folder.dir().toString(), "cannot publish the export: " + e.getMessage(), e);
    }
  }

  /** The date LATEST names (a version, or a bare date written by an older release). */
  public Optional<LocalDate> latest() {
    return folder
        .pointer()
        .flatMap(
            p -> {
              try {
                return Optional.of(
                    CoefficientsFormat.VERSION.matcher(p).matches()
                        ? VersionedFolder.dateOf(p)
                        : LocalDate.parse(p));
              } catch (DateTimeException e) {
                return Optional.empty();
              }
            });
  }

  /** The newest version of every exported date. */
  public Map<LocalDate, String> currentByDate() {
    Map<LocalDate, String> out = new TreeMap<>();
    for (String v : folder.versions()) {
      out.put(VersionedFolder.dateOf(v), v); // versions sort oldest first: the last one wins
    }
    return out;
  }

  private List<String> replaced(Map<LocalDate, String> current) {
    List<String> out = new ArrayList<>();
    for (String v : folder.versions()) {
      if (!v.equals(current.get(VersionedFolder.dateOf(v)))) {
        out.add(v);
      }
    }
    return out;
  }
}
