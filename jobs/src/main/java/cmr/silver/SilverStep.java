package cmr.silver;

import cmr.ingest.DaySlice;
import cmr.ingest.Source;
import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Map;

/**
 * Bronze rows of the run's arrival day (or of a backfill's arrival days) to the silver tables
 * ({@code sql/silver/<source>.sql}): facts partitioned by event date, replacing exactly the rows of
 * those arrival days (one atomic commit per table); snapshots as one partition per snapshot date.
 * Cost: the days' data only.
 */
public final class SilverStep implements Step {
  private final DaySlice days;

  /** Builds the run date's arrival day. */
  public SilverStep() {
    this(null);
  }

  /** Builds the given arrival days (a backfill's range, in one pass). */
  public SilverStep(DaySlice days) {
    this.days = days;
  }

  @Override
  public String name() {
    return "silver";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("ingest");
  }

  @Override
  public List<String> reads() {
    return Source.ALL.stream().map(s -> "bronze/" + s.name()).toList();
  }

  @Override
  public List<String> writes() {
    return Source.ALL.stream().map(s -> "silver/" + s.name()).toList();
  }

  @Override
  public StepResult run(RunContext ctx) {
    DaySlice slice = days == null ? DaySlice.of(ctx.runDate()) : days;
    long rows = 0;
    StringBuilder detail = new StringBuilder();
    for (Source s : Source.ALL) {
      ctx.spark().read().format("delta").load(ctx.wh().bronze(s.name()))
          .where(slice.filter("arrival_date"))
          .createOrReplaceTempView("bronze_" + s.name());
      Dataset<Row> silver = SqlFiles.run(ctx.spark(), "silver/" + s.name(), Map.of());
      String dayColumn = s.fact() ? "arrival_date" : "snapshot_date";
      long n = Warehouse.replaceCounted(silver, ctx.wh().silver(s.name()), slice.predicate(dayColumn),
          List.of(s.fact() ? "event_date" : "snapshot_date"));
      rows += n;
      detail.append(s.name()).append('=').append(n).append(' ');
      ctx.progress().rows("silver", s.name(), n);
    }
    return StepResult.of(rows, rows, detail.toString().trim());
  }
}
