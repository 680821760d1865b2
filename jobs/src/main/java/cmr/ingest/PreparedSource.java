package cmr.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Map;

/**
 * One source of one arrival day, read and judged but not yet written: every landing row with its
 * {@code _outcome} and {@code reason} (persisted), the per-file counts, the files quarantined
 * whole as unreadable, and the reason counts for the reject-rate message.
 */
public record PreparedSource(Source source, boolean folderPresent, Dataset<Row> rows,
                             Map<String, FileCounts> files, List<String> unreadableFiles,
                             Map<String, Long> reasons) {
  public long read() {
    return files.values().stream().mapToLong(FileCounts::read).sum();
  }

  public long quarantined() {
    return files.values().stream().mapToLong(FileCounts::quarantined).sum();
  }

  public long accepted() {
    return files.values().stream().mapToLong(FileCounts::accepted).sum();
  }

  public long duplicates() {
    return files.values().stream().mapToLong(FileCounts::duplicates).sum();
  }
}
