package cmr.loader;

import java.util.List;

/**
 * A coefficient version that must not be used: which check failed and why, naming the files or
 * campaigns concerned. The loader throws it; the publisher turns it into a refused publication.
 */
public final class CoefficientsException extends RuntimeException {
  private final String check;
  private final String reason;

  public CoefficientsException(String check, String reason) {
    super(check + ": " + reason);
    this.check = check;
    this.reason = reason;
  }

  public CoefficientsException(String check, String reason, Throwable cause) {
    super(check + ": " + reason, cause);
    this.check = check;
    this.reason = reason;
  }

  /** Short name of the failed check, e.g. {@code checksum}, {@code weights_sum}. */
  public String check() {
    return check;
  }

  public String reason() {
    return reason;
  }

  /** "a, b, c and 7 more": at most {@code max} names of a list, for one-line messages. */
  public static String names(List<String> items, int max) {
    if (items.size() <= max) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
  }
}
