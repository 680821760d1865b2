package cmr.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Exit codes tell a scheduler what is worth a retry (README, Exit codes). */
class ErrorsTest {
  @Test
  void anIoFaultAnywhereInTheCausesIsTransient() {
    CmrException e =
        Errors.wrap(
            "kpis",
            "gold/daily_kpis",
            new RuntimeException("job aborted", new IOException("Input/output error")));
    assertEquals(Errors.TRANSIENT, e.exitCode());
    assertTrue(e.oneLine().contains("rerun the same command"), e.oneLine());
  }

  @Test
  void aLostExecutorIsTransient() {
    assertEquals(
        Errors.TRANSIENT,
        Errors.wrap("kpis", "x", new IllegalStateException("ExecutorLostFailure (executor 1"))
            .exitCode());
  }

  @Test
  void aBugIsNotTransient() {
    assertEquals(Errors.STEP, Errors.wrap("kpis", "x", new NullPointerException()).exitCode());
  }
}
