package cmr.jobs;

import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/** Renders the dashboard notebooks against the gold tables and publishes them. */
public final class ExportDashboardsJob implements Step {
  @Override
  public String name() {
    return "export";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("kpis");
  }

  @Override
  public StepResult run(RunContext ctx) {
    return StepResult.skipped("not implemented yet");
  }
}
