package cmr.generate;

/** The quarantine reason codes of the ingestion contract, as injected by the generator. */
public enum Reason {
  UNPARSEABLE,
  MISSING_FIELD,
  BAD_ID,
  BAD_ENUM,
  BAD_TIME,
  BAD_MONEY,
  BAD_NUMBER,
  FUTURE_EVENT,
  TOO_LATE,
  DUPLICATE_KEY;

  /** The reason code as ingestion writes it, e.g. {@code missing_field}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
