package cmr.step;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Progress lines on stdout for long work: step, what, rows so far, elapsed. */
public final class Progress {
  private final PrintStream out;
  private final Instant start = Instant.now();
  private final boolean quiet;

  public Progress(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public static Progress stdout() {
    return new Progress(System.out, false);
  }

  public static Progress silent() {
    return new Progress(System.out, true);
  }

  public void step(String step, String message) {
    if (!quiet) {
      out.printf("[%7.1fs] %-12s %s%n", elapsedSeconds(), step, message);
      out.flush();
    }
  }

  public void rows(String step, String what, long rows) {
    step(step, String.format("%s: %,d rows", what, rows));
  }

  public double elapsedSeconds() {
    return Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }
}
