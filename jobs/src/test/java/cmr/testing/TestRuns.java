package cmr.testing;

import cmr.config.CmrConfig;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunOptions;
import cmr.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** Run contexts for step tests: landing and warehouse under one temp folder. */
public final class TestRuns {
  private TestRuns() {}

  public static RunContext context(Path root, LocalDate date, Map<String, String> overrides) {
    CmrConfig cfg = TestSpark.config(root, overrides);
    return new RunContext(
        TestSpark.spark(),
        cfg,
        new Warehouse(cfg.paths().warehouse()),
        date,
        "test_" + date + "_" + System.nanoTime(),
        RunOptions.defaults(),
        Progress.silent());
  }
}
