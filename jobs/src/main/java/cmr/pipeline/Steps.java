package cmr.pipeline;

import cmr.jobs.AttributionJob;
import cmr.jobs.BuildKpisJob;
import cmr.jobs.BuildSilverJob;
import cmr.jobs.CoefficientsJob;
import cmr.jobs.ExportDashboardsJob;
import cmr.jobs.IngestJob;
import cmr.jobs.SettlementJob;

/** The nightly steps in dependency order (SPEC §5). */
public final class Steps {
  private Steps() {}

  public static NightlyPipeline nightly() {
    return new NightlyPipeline(java.util.List.of(
        new IngestJob(),
        new BuildSilverJob(),
        new AttributionJob(),
        new SettlementJob(),
        new BuildKpisJob(),
        new CoefficientsJob(),
        new ExportDashboardsJob()));
  }
}
