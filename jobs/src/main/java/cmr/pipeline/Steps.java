package cmr.pipeline;

import cmr.attribution.AttributionStep;
import cmr.coefficients.CoefficientsStep;
import cmr.export.ExportStep;
import cmr.ingest.IngestStep;
import cmr.kpis.KpisStep;
import cmr.settlement.SettlementStep;
import cmr.silver.SilverStep;
import cmr.state.StateStep;

/** The nightly steps in dependency order (SPEC §5). */
public final class Steps {
  private Steps() {}

  public static NightlyPipeline nightly() {
    return new NightlyPipeline(
        java.util.List.of(
            new IngestStep(),
            new SilverStep(),
            new StateStep(),
            new AttributionStep(),
            new SettlementStep(),
            new KpisStep(),
            new CoefficientsStep(),
            new ExportStep()));
  }
}
