package cmr.attribution;

import cmr.config.CmrConfig;
import cmr.settlement.SettlementStep;
import cmr.sql.SqlFiles;
import cmr.state.StateStep;
import cmr.step.Progress;
import cmr.step.RunContext;
import cmr.step.RunLog;
import cmr.step.RunOptions;
import cmr.step.Step;
import cmr.step.StepResult;
import cmr.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Time per run date of the state, attribution and settlement steps on synthetic silver data ({@code
 * sql/tools/bench_*.sql}), to show that the cost stays flat as history grows ({@code bin/cmr
 * bench-attribution}, lab only). Prints one line per date.
 */
public final class AttributionBench {
  private AttributionBench() {}

  public static void run(SparkSession spark, CmrConfig cfg, long adsPerDay, int days) {
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    RunLog log = new RunLog(spark, wh);
    long orders = adsPerDay / 10;
    LocalDate first = LocalDate.of(2026, 11, 1);
    for (int i = 0; i < days; i++) {
      LocalDate d = first.plusDays(i);
      Map<String, Object> args = Map.of("d", d.toString(), "n", adsPerDay);
      SqlFiles.run(spark, "tools/bench_ad_events", args)
          .write()
          .format("delta")
          .mode("append")
          .partitionBy("event_date")
          .save(wh.silver("ad_events"));
      SqlFiles.run(spark, "tools/bench_orders", Map.of("d", d.toString(), "n", orders))
          .write()
          .format("delta")
          .mode("append")
          .partitionBy("event_date")
          .save(wh.silver("orders"));
      if (i == 0) {
        SqlFiles.run(spark, "tools/bench_campaigns", Map.of("d", d.toString()))
            .write()
            .format("delta")
            .mode("append")
            .save(wh.silver("campaigns"));
      }
      RunContext ctx =
          new RunContext(
              spark,
              cfg,
              wh,
              d,
              "bench-" + d,
              RunOptions.defaults().withTrainAndExport(false),
              Progress.silent());
      log.record(ctx.runId(), d, "ingest", "succeeded", Instant.now(), Instant.now(), null, null);
      double state = timed(ctx, log, new StateStep());
      double attribution = timed(ctx, log, new AttributionStep());
      double settlement = timed(ctx, log, new SettlementStep());
      System.out.printf(
          "BENCH %s ads/day=%d orders/day=%d state=%.1fs attribution=%.1fs " + "settlement=%.1fs%n",
          d, adsPerDay, orders, state, attribution, settlement);
    }
  }

  /** Runs a step, records it as succeeded, and returns its seconds. */
  private static double timed(RunContext ctx, RunLog log, Step step) {
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    StepResult r = step.run(ctx);
    double s = (System.nanoTime() - t0) / 1e9;
    log.record(ctx.runId(), ctx.runDate(), step.name(), "succeeded", start, Instant.now(), r, null);
    return s;
  }
}
