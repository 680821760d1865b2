package cmr.jobs;

import cmr.attribution.MerchantExport;
import cmr.attribution.Settlement;
import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/**
 * Whole-site promotion settlement of the cycles due by the run date (gold
 * quanzhantui_settlements), then, when the run exports (not the inner dates of a backfill), the
 * merchant-facing monthly CSV files under {@code <exports>/merchants/}.
 */
public final class SettlementJob implements Step {
  @Override
  public String name() {
    return "settlement";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("attribution");
  }

  @Override
  public StepResult run(RunContext ctx) {
    long settled = Settlement.settle(ctx);
    String detail = settled + " cycles settled on " + ctx.runDate();
    if (ctx.options().trainAndExport()) {
      long files = MerchantExport.export(ctx);
      detail += "; " + files + " merchant CSV files exported";
    }
    return StepResult.of(0, settled, detail);
  }
}
