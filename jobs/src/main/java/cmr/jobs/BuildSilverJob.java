package cmr.jobs;

import cmr.ingest.Source;
import cmr.pipeline.RunContext;
import cmr.pipeline.Step;
import cmr.pipeline.StepResult;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Map;

/**
 * Bronze rows of the run's arrival day to the silver tables ({@code sql/silver/<source>.sql}):
 * facts partitioned by event date, replacing exactly the rows of this arrival day (one atomic
 * commit per table); snapshots as one partition per snapshot date. Cost: the day's data only.
 */
public final class BuildSilverJob implements Step {
  @Override
  public String name() {
    return "silver";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("ingest");
  }

  @Override
  public StepResult run(RunContext ctx) {
    long rows = 0;
    StringBuilder detail = new StringBuilder();
    for (Source s : Source.ALL) {
      ctx.spark().read().format("delta").load(ctx.wh().bronze(s.name()))
          .createOrReplaceTempView("bronze_" + s.name());
      Dataset<Row> silver = SqlFiles.run(ctx.spark(), "silver/" + s.name(),
          Map.of("run_date", ctx.runDate()));
      String date = "DATE'" + ctx.runDate() + "'";
      if (s.fact()) {
        Warehouse.replace(silver, ctx.wh().silver(s.name()), "arrival_date = " + date,
            List.of("event_date"));
      } else {
        Warehouse.replace(silver, ctx.wh().silver(s.name()), "snapshot_date = " + date,
            List.of("snapshot_date"));
      }
      long n = ctx.spark().read().format("delta").load(ctx.wh().silver(s.name()))
          .where(org.apache.spark.sql.functions.col(s.fact() ? "arrival_date" : "snapshot_date")
              .equalTo(org.apache.spark.sql.functions.lit(ctx.runDate())))
          .count();
      rows += n;
      detail.append(s.name()).append('=').append(n).append(' ');
      ctx.progress().rows("silver", s.name(), n);
    }
    return StepResult.of(rows, rows, detail.toString().trim());
  }
}
