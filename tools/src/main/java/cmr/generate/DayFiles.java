package cmr.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The landing files one worker writes. Events of the worker's own arrival day go round-robin into a
 * few {@code part-N} files of rotating kinds (so a folder mixes kinds); events that arrive on
 * another day (late, re-sent, or paid after midnight) go into one {@code batch-from-<day>} file per
 * source and arrival day, named after the worker's day so workers never share a file.
 */
final class DayFiles implements AutoCloseable {
  private static final FileKind[] KINDS = FileKind.values();
  private static final long ROWS_PER_PART = 1_500_000;

  private final Path landing;
  private final Marketplace world;
  private final Fmt fmt;
  private final int day;
  private final Counts counts;
  private final RowSink[][] parts = new RowSink[Source.values().length][];
  private final int[] next = new int[Source.values().length];
  private final Map<Long, RowSink> batches = new HashMap<>();

  DayFiles(Path landing, Marketplace world, Fmt fmt, int day, Counts counts) {
    this.landing = landing;
    this.world = world;
    this.fmt = fmt;
    this.day = day;
    this.counts = counts;
  }

  /** The next main part of {@code source} for the worker's own day. */
  RowSink main(Source source, long expectedRows) {
    RowSink[] p = parts[source.ordinal()];
    if (p == null) {
      int n = (int) Math.max(4, (expectedRows + ROWS_PER_PART - 1) / ROWS_PER_PART);
      p = new RowSink[n];
      Path dir = folder(source, day);
      int shift = world.dayIndex(day) + 2 * source.ordinal();
      for (int i = 0; i < n; i++) {
        FileKind kind = KINDS[(i + shift) % KINDS.length];
        p[i] = RowSink.open(dir.resolve("part-" + i + kind.suffix()), kind, source);
      }
      parts[source.ordinal()] = p;
    }
    int i = next[source.ordinal()]++;
    return p[Math.floorMod(i, p.length)];
  }

  /** A main part of the worker's day that is JSON lines (for unparseable records). */
  RowSink mainJson(Source source, long expectedRows) {
    main(source, expectedRows);
    for (RowSink s : parts[source.ordinal()]) {
      if (s.kind() == FileKind.JSONL || s.kind() == FileKind.JSONL_GZ) {
        return s;
      }
    }
    return null;
  }

  /** Where an event of {@code source} arriving on {@code arrivalDay} goes. */
  RowSink sink(Source source, int arrivalDay, long expectedRows) {
    if (arrivalDay == day) {
      return main(source, expectedRows);
    }
    long key = (long) source.ordinal() << 32 | (arrivalDay & 0xffffffffL);
    RowSink s = batches.get(key);
    if (s == null) {
      // Small cross-day batches are text files (cheap to open); parts carry the parquet.
      FileKind kind = KINDS[(int) Math.floorMod(Rng.mix(world.seed + key * 31 + day), 4)];
      Path file = folder(source, arrivalDay).resolve("batch-from-" + fmt.date(day) + kind.suffix());
      s = RowSink.open(file, kind, source);
      batches.put(key, s);
    }
    return s;
  }

  private Path folder(Source source, int arrivalDay) {
    return folder(landing, source, fmt.date(arrivalDay));
  }

  /** {@code <landing>/<source>/dt=<date>}, created if missing (safe from several threads). */
  static Path folder(Path landing, Source source, String date) {
    Path dir = landing.resolve(source.dir()).resolve("dt=" + date);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  @Override
  public void close() {
    for (int s = 0; s < parts.length; s++) {
      if (parts[s] != null) {
        for (RowSink p : parts[s]) {
          p.close();
          counts.file(Source.values()[s], p.kind(), p.rows());
        }
      }
    }
    for (Map.Entry<Long, RowSink> e : batches.entrySet()) {
      e.getValue().close();
      counts.file(
          Source.values()[(int) (e.getKey() >>> 32)], e.getValue().kind(), e.getValue().rows());
    }
  }
}
