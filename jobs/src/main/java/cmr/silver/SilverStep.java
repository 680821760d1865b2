package cmr.silver;

import cmr.ingest.DaySlice;
import cmr.ingest.Source;
import cmr.sql.SqlFiles;
import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Bronze rows of the run's arrival days (one, or a backfill's range) to the silver tables ({@code
 * sql/silver/<source>.sql}): facts partitioned by event date, replacing exactly the rows of those
 * arrival days (one atomic commit per table); snapshots as one partition per snapshot date. In a
 * range, a day whose ingestion failed in this run stays out (until it is rerun). Cost: the days'
 * data only.
 */
public final class SilverStep implements Step {
  @Override
  public String name() {
    return "silver";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("ingest");
  }

  @Override
  public boolean perArrivalDay() {
    return true;
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
    List<LocalDate> days = new ArrayList<>(ctx.arrivalDays());
    if (ctx.isRange()) {
      days.removeAll(ctx.runLog().failedDates(ctx.runId(), "ingest"));
    }
    DaySlice slice = new DaySlice(days);
    long rows = 0;
    StringBuilder detail = new StringBuilder();
    for (Source s : Source.ALL) {
      ctx.spark()
          .read()
          .format("delta")
          .load(ctx.wh().bronze(s.name()))
          .where(slice.filter("arrival_date"))
          .createOrReplaceTempView("bronze_" + s.name());
      Dataset<Row> silver = SqlFiles.run(ctx.spark(), "silver/" + s.name(), Map.of());
      String dayColumn = s.fact() ? "arrival_date" : "snapshot_date";
      long n =
          Warehouse.replaceCounted(
              silver,
              ctx.wh().silver(s.name()),
              slice.predicate(dayColumn),
              List.of(s.fact() ? "event_date" : "snapshot_date"));
      rows += n;
      detail.append(s.name()).append('=').append(n).append(' ');
      ctx.progress().rows("silver", s.name(), n);
    }
    StepResult all = StepResult.of(rows, rows, detail.toString().trim());
    if (!ctx.isRange()) {
      return all;
    }
    Map<LocalDate, StepResult> byDay = new TreeMap<>();
    String together = "built with the backfill of " + ctx.from() + " .. " + ctx.runDate();
    for (LocalDate d : days) {
      byDay.put(d, d.equals(ctx.runDate()) ? all : StepResult.of(0, 0, together));
    }
    return StepResult.perDay(byDay, Map.of());
  }
}
