package cmr.ingest;

/** Reconciliation counts of one landing file: read = bronze + quarantined + duplicates. */
public record FileCounts(String file, long read, long accepted, long quarantined, long duplicates) {
  public boolean adds() {
    return read == accepted + quarantined + duplicates;
  }

  public FileCounts plus(FileCounts o) {
    return new FileCounts(file, read + o.read, accepted + o.accepted, quarantined + o.quarantined,
        duplicates + o.duplicates);
  }
}
