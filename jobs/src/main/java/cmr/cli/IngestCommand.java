package cmr.cli;

import cmr.config.CmrConfig;
import cmr.ingest.IngestStep;
import cmr.pipeline.NightlyPipeline;
import cmr.pipeline.Runner;
import cmr.step.RunOptions;
import cmr.warehouse.WarehouseLock;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingests the landing folders dt=DATE of every source into bronze and the "
            + "quarantine, with reconciliation in ops/job_runs. Safe to rerun.")
public final class IngestCommand implements Runnable {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The arrival day.")
  LocalDate date;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    try (WarehouseLock lock = common.lockWarehouse(cfg)) {
      Runner.create(cfg)
          .nightly(new NightlyPipeline(List.of(new IngestStep())), date, RunOptions.defaults());
    }
  }
}
