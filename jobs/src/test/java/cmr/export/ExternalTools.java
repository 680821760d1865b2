package cmr.export;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the dashboard tests use: a Python with nbformat, and Chromium. In CI (env
 * CI=true) a missing tool fails the test; locally it skips it with the install hint.
 */
final class ExternalTools {
  private ExternalTools() {}

  record Run(int exit, String out) {}

  static Run run(List<String> cmd, long timeoutSeconds) {
    try {
      Path log = Files.createTempFile("cmr-tool", ".log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(-1, "timed out after " + timeoutSeconds + "s: " + cmd);
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      return new Run(-2, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Run(-3, e.toString());
    }
  }

  /** A python3 that can import nbformat (Debian's /usr/bin/python3 first). */
  static String python() {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      if (run(List.of(candidate, "-c", "import nbformat"), 60).exit() == 0) {
        return candidate;
      }
    }
    return missing("python3 with nbformat (Debian package python3-nbformat)");
  }

  static String chromium() {
    for (String candidate : List.of("chromium", "chromium-browser", "google-chrome")) {
      if (run(List.of(candidate, "--version"), 60).exit() == 0) {
        return candidate;
      }
    }
    return missing("chromium (Debian package chromium)");
  }

  static String missing(String what) {
    String msg = what + " is not installed: run scripts/install-test-deps.sh";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(msg + " (CI=true: this test is never skipped in CI)");
    }
    Assumptions.abort(msg);
    return null;
  }

  /** Validates a notebook with the official Jupyter validator; returns null when valid. */
  static String validate(String python, Path ipynb) {
    Run r =
        run(
            List.of(
                python,
                "-c",
                "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
                ipynb.toString()),
            120);
    return r.exit() == 0 ? null : r.out();
  }

  /** Headless Chromium with the flags that keep it off the network and quiet. */
  static List<String> chromiumCommand(String chromium, Path profile, String... extra) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(extra));
    return cmd;
  }

  static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name));
  }
}
