package cmr.errors;

/**
 * A failure the user can act on: which step, which input, what is wrong and what to do. {@link
 * #oneLine()} is what the command line prints on stderr; the stack goes to the log.
 */
public final class CmrException extends RuntimeException {
  private final String step;
  private final String input;
  private final String reason;
  private final String fix;
  private final int exitCode;

  CmrException(
      int exitCode, String step, String input, String reason, String fix, Throwable cause) {
    super(step + ": " + input + ": " + reason + (fix == null ? "" : " (" + fix + ")"), cause);
    this.exitCode = exitCode;
    this.step = step;
    this.input = input;
    this.reason = reason;
    this.fix = fix;
  }

  public String step() {
    return step;
  }

  public String input() {
    return input;
  }

  public String reason() {
    return reason;
  }

  public String fix() {
    return fix;
  }

  public int exitCode() {
    return exitCode;
  }

  /**
   * One line: {@code cmr: <step> failed: input: reason (fix)}, or for a usage or configuration
   * mistake {@code cmr: usage error: ...} / {@code cmr: config error: ...}.
   */
  public String oneLine() {
    String what =
        switch (exitCode) {
          case Errors.USAGE -> step + " error";
          case Errors.LOCKED -> "warehouse busy";
          default -> step + " failed";
        };
    return "cmr: " + what + ": " + input + ": " + reason + (fix == null ? "" : " (" + fix + ")");
  }

  /** The same failure attributed to an enclosing step (kept if already set). */
  public CmrException inStep(String enclosingStep) {
    if (step != null && !step.isEmpty() && !step.equals("run")) {
      return this;
    }
    return new CmrException(exitCode, enclosingStep, input, reason, fix, getCause());
  }
}
