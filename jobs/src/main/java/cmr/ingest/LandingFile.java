package cmr.ingest;

import java.time.LocalDate;
import java.util.Locale;

/** A file in a landing folder {@code dt=arrivalDate}, and its kind, decided by its extension. */
public record LandingFile(String path, String name, LocalDate arrivalDate, Kind kind) {
  public enum Kind {
    JSONL,
    CSV,
    PARQUET
  }

  /** The file, or null when the extension is not one SPEC §1 accepts. */
  public static LandingFile of(String path, String name, LocalDate arrivalDate) {
    String n = name.toLowerCase(Locale.ROOT);
    Kind kind = null;
    if (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")) {
      kind = Kind.JSONL;
    } else if (n.endsWith(".csv") || n.endsWith(".csv.gz")) {
      kind = Kind.CSV;
    } else if (n.endsWith(".parquet")) {
      kind = Kind.PARQUET;
    }
    return kind == null ? null : new LandingFile(path, name, arrivalDate, kind);
  }

  public boolean gzip() {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
