package cmr.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate: arrival days {@code from} .. {@code from + days - 1}, at a scale, from a seed.
 *
 * @param dirtyRate share of extra invalid rows per fact source and day (default 0.008); exact
 *     duplicates and late-but-valid events come on top (they are not rejects)
 * @param threads worker threads (one task per day and per snapshot)
 * @param lateDays ingestion's {@code ingest.late_days}: late-but-valid events arrive 1..lateDays
 *     days after their event date, {@code too_late} ones more than that
 */
public record GenerateRequest(
    Scale scale,
    LocalDate from,
    int days,
    long seed,
    Path landing,
    Path truth,
    boolean overwrite,
    double dirtyRate,
    int threads,
    int lateDays) {
  public static final double DEFAULT_DIRTY_RATE = 0.008;

  public LocalDate to() {
    return from.plusDays(days - 1L);
  }
}
