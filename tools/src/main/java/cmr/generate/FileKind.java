package cmr.generate;

/** The landing file kinds of SPEC §1; one folder mixes them freely. */
public enum FileKind {
  JSONL(".jsonl", false, false),
  JSONL_GZ(".jsonl.gz", false, true),
  CSV(".csv", true, false),
  CSV_GZ(".csv.gz", true, true),
  PARQUET(".parquet", false, false);

  private final String suffix;
  private final boolean csv;
  private final boolean gzip;

  FileKind(String suffix, boolean csv, boolean gzip) {
    this.suffix = suffix;
    this.csv = csv;
    this.gzip = gzip;
  }

  public String suffix() {
    return suffix;
  }

  boolean csv() {
    return csv;
  }

  boolean gzip() {
    return gzip;
  }

  /** True when a line of free text (an unparseable record) can be written. */
  public boolean text() {
    return this != PARQUET;
  }

  /** The summary's name of the kind, e.g. {@code jsonl.gz}. */
  public String label() {
    return suffix.substring(1);
  }
}
