package cmr.jobs;

import cmr.kpis.KpiRun;
import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;

import java.util.List;

/**
 * The {@code kpis} step: daily_kpis, monthly_kpis, new_users_by_source, take_rate_by_dimension,
 * tier_mix, tier_transitions (SPEC §2, §3) for the dates and months a run for D recomputes, from
 * silver and the KPI state tables. Cost follows the late window, not the history (docs/metrics.md).
 */
public final class BuildKpisJob implements Step {
  @Override
  public String name() {
    return "kpis";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("silver", "settlement");
  }

  @Override
  public StepResult run(RunContext ctx) {
    return KpiRun.run(ctx, name());
  }
}
