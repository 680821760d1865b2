package cmr.errors;

/**
 * Every user-facing failure is made here, so that messages share one shape: what is wrong, where,
 * and how to fix it. Exit codes (documented in README.md): 2 usage or configuration, 3 input data
 * (unreadable file, reject rate, reconciliation), 4 a publication check refused a coefficient
 * version, 5 a step failed for another reason, 6 another writer holds the warehouse lock, 7 a fact
 * source's delivery is missing or short (operations.freshness.on_problem = fail), 8 a transient
 * fault (I/O, network, a lost executor): worth a retry. 6, 7 and 8 are the ones a scheduler
 * retries; 2, 3, 4 and 5 need a human.
 */
public final class Errors {
  public static final int USAGE = 2;
  public static final int INPUT = 3;
  public static final int PUBLICATION = 4;
  public static final int STEP = 5;
  public static final int LOCKED = 6;
  public static final int STALE_INPUT = 7;
  public static final int TRANSIENT = 8;

  private Errors() {}

  public static CmrException config(String input, String reason, String fix) {
    return new CmrException(USAGE, "config", input, reason, fix, null);
  }

  public static CmrException usage(String input, String reason, String fix) {
    return new CmrException(USAGE, "usage", input, reason, fix, null);
  }

  public static CmrException unreadableFile(String file, String reason, Throwable cause) {
    return new CmrException(
        INPUT,
        "ingest",
        file,
        "cannot be read: " + reason,
        "replace the file in the landing zone and rerun the date, or set "
            + "ingest.quarantine_unreadable_files = true to quarantine whole files",
        cause);
  }

  public static CmrException rejectRate(
      String source, String date, double rate, double max, String topReasons) {
    return new CmrException(
        INPUT,
        "ingest",
        source + " dt=" + date,
        String.format(
            "%.2f%% of rows rejected (limit %.2f%%), top reasons: %s",
            rate * 100, max * 100, topReasons),
        "inspect ops/quarantine for this source and date, fix upstream, and rerun the date",
        null);
  }

  public static CmrException reconciliation(
      String source, String file, long read, long accepted, long quarantined, long duplicates) {
    return new CmrException(
        INPUT,
        "ingest",
        source + " " + file,
        "counts do not add up: read "
            + read
            + " != bronze "
            + accepted
            + " + quarantined "
            + quarantined
            + " + duplicates "
            + duplicates,
        "this is a bug in ingestion; keep the landing files and report the run id",
        null);
  }

  public static CmrException input(String step, String input, String reason, String fix) {
    return new CmrException(INPUT, step, input, reason, fix, null);
  }

  public static CmrException publication(String check, String reason) {
    return new CmrException(
        PUBLICATION,
        "publish",
        check,
        reason,
        "the live version is unchanged; use --force-publish to override the drift check only",
        null);
  }

  /** A table written by an older version with other column types (see docs/architecture.md). */
  public static CmrException olderWarehouse(String table, String columns, Throwable cause) {
    return new CmrException(
        USAGE,
        "warehouse",
        table,
        "was written by an older version with other column types (" + columns + ")",
        "rebuild the warehouse: run `cmr backfill` over the dates into a new --warehouse folder "
            + "(or `cmr demo --fresh` for the demo); see docs/architecture.md, Upgrading",
        cause);
  }

  /**
   * Earlier arrival days were never ingested (a failed night not rerun): fix by running them; exit
   * 2 like a usage error, since a retry alone does not help.
   */
  public static CmrException gap(String run, String reason, String fix) {
    return new CmrException(USAGE, "gap check", run, reason, fix, null);
  }

  /**
   * A fact source's delivery for a day is missing or short, with {@code
   * operations.freshness.on_problem = fail}: retry when upstream has delivered.
   */
  public static CmrException staleInput(String input, String reason) {
    return new CmrException(
        STALE_INPUT,
        "freshness",
        input,
        reason,
        "rerun the date when the delivery is complete, or set operations.freshness.on_problem = warn",
        null);
  }

  /** Another writer holds the warehouse lock ({@code cmr.warehouse.WarehouseLock}). */
  public static CmrException locked(String warehouse, String holder, String fix) {
    return new CmrException(LOCKED, "lock", warehouse, "locked by " + holder, fix, null);
  }

  public static CmrException step(String step, String input, String reason, Throwable cause) {
    return new CmrException(STEP, step, input, reason, "see the log for the stack trace", cause);
  }

  /** Wraps anything thrown inside a step into a one-line failure naming that step. */
  public static CmrException wrap(String step, String input, Throwable t) {
    if (t instanceof CmrException ce) {
      return ce.inStep(step);
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = msg.indexOf('\n');
    if (nl > 0) {
      msg = msg.substring(0, nl);
    }
    if (transient_(t)) {
      return new CmrException(
          TRANSIENT,
          step,
          input,
          msg,
          "a transient fault (I/O, network, lost executor): rerun the same command; a run is"
              + " idempotent",
          t);
    }
    return step(step, input, msg, t);
  }

  /**
   * Whether a failure is worth a retry: an I/O or network fault, a timeout or a lost executor
   * anywhere in its causes (not a bug, not bad data).
   */
  static boolean transient_(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.io.IOException
          || c instanceof java.util.concurrent.TimeoutException
          || c instanceof java.io.UncheckedIOException) {
        return true;
      }
      String m = String.valueOf(c.getMessage());
      if (m.contains("Lost executor")
          || m.contains("ExecutorLostFailure")
          || m.contains("Connection refused")
          || m.contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }
}
