package cmr.ingest;

import java.time.LocalDate;

/** Reconciliation counts of one landing file: read = bronze + quarantined + duplicates. */
public record FileCounts(
    String file,
    LocalDate arrivalDate,
    long read,
    long accepted,
    long quarantined,
    long duplicates) {
  public boolean adds() {
    return read == accepted + quarantined + duplicates;
  }
}
