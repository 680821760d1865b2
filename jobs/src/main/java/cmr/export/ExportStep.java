package cmr.export;

import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.util.List;

/**
 * Renders the dashboard notebooks against the gold tables for the run date into {@code
 * <exports>/<date>/} and advances {@code <exports>/LATEST} (never backwards), for the run date (a
 * backfill's last date); skipped when the run does not export (tests).
 */
public final class ExportStep implements Step {
  @Override
  public String name() {
    return "export";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("kpis");
  }

  @Override
  public List<String> reads() {
    return GoldCatalog.KNOWN.stream().map(t -> "gold/" + t).toList();
  }

  @Override
  public List<String> writes() {
    return List.of("exports/<date>", "exports/LATEST");
  }

  @Override
  public StepResult run(RunContext ctx) {
    if (!ctx.options().trainAndExport()) {
      return StepResult.skipped("this run does not export (trainAndExport off)");
    }
    ctx.spark().sparkContext().setJobDescription("export dashboards " + ctx.runDate());
    DashboardExporter.Result r = DashboardExporter.export(ctx.spark(), ctx.cfg(), ctx.runDate());
    ctx.progress().step(name(), r.detail());
    return StepResult.of(r.figures(), r.files().size(), r.detail());
  }
}
