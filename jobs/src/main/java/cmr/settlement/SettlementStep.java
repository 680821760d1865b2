package cmr.settlement;

import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.util.List;

/**
 * Whole-site promotion settlement of the cycles due by the run date (gold quanzhantui_settlements),
 * then, when the run exports (trainAndExport), the merchant-facing monthly CSV files under {@code
 * <exports>/merchants/}.
 */
public final class SettlementStep implements Step {
  @Override
  public String name() {
    return "settlement";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("attribution");
  }

  @Override
  public List<String> reads() {
    return List.of(
        "silver/campaigns",
        "silver/orders",
        "silver/ad_events",
        "state/attribution_clicks",
        "gold/campaign_channel_daily");
  }

  @Override
  public List<String> writes() {
    return List.of("gold/" + Settlement.TABLE, "exports/merchants");
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
