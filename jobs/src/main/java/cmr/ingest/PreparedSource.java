package cmr.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One source over one or more arrival days, read and judged but not yet written: every landing row
 * with its {@code _outcome} and {@code reason} (materialised once), the per-file counts, the files
 * quarantined whole as unreadable, the reason counts per day, and the days whose folder exists.
 */
public record PreparedSource(
    Source source,
    Set<LocalDate> presentDays,
    Dataset<Row> rows,
    Map<String, FileCounts> files,
    List<FileCounts> unreadableFiles,
    Map<LocalDate, Map<String, Long>> reasonsByDay) {
  public long read(LocalDate day) {
    return files.values().stream()
        .filter(f -> day == null || f.arrivalDate().equals(day))
        .mapToLong(FileCounts::read)
        .sum();
  }

  public long quarantined(LocalDate day) {
    return files.values().stream()
        .filter(f -> day == null || f.arrivalDate().equals(day))
        .mapToLong(FileCounts::quarantined)
        .sum();
  }

  public long accepted(LocalDate day) {
    return files.values().stream()
        .filter(f -> day == null || f.arrivalDate().equals(day))
        .mapToLong(FileCounts::accepted)
        .sum();
  }

  public long duplicates(LocalDate day) {
    return files.values().stream()
        .filter(f -> day == null || f.arrivalDate().equals(day))
        .mapToLong(FileCounts::duplicates)
        .sum();
  }

  public long files(LocalDate day) {
    return files.values().stream().filter(f -> day == null || f.arrivalDate().equals(day)).count();
  }
}
