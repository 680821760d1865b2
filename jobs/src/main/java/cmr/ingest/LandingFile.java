package cmr.ingest;

import java.util.Locale;

/** A file in a landing folder and its kind, decided by its extension. */
public record LandingFile(String path, String name, Kind kind, boolean gzip) {
  public enum Kind { JSONL, CSV, PARQUET }

  /** The kind of a file name, or null when the extension is not one SPEC §1 accepts. */
  public static LandingFile of(String path, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".jsonl")) {
      return new LandingFile(path, name, Kind.JSONL, false);
    }
    if (n.endsWith(".jsonl.gz")) {
      return new LandingFile(path, name, Kind.JSONL, true);
    }
    if (n.endsWith(".csv")) {
      return new LandingFile(path, name, Kind.CSV, false);
    }
    if (n.endsWith(".csv.gz")) {
      return new LandingFile(path, name, Kind.CSV, true);
    }
    if (n.endsWith(".parquet")) {
      return new LandingFile(path, name, Kind.PARQUET, false);
    }
    return null;
  }
}
