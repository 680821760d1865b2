package cmr.state;

import cmr.sql.SqlFiles;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code state/attribution_clicks}: a copy of the silver clicks (projected to the columns
 * attribution needs, partitioned by event_date) for every event date from {@code latest - late_days
 * - window_days} on, where {@code latest} is the latest date the state step ran for. Those are all
 * the clicks a pay event of the recompute window (latest - late_days .. latest) can be attributed
 * to; older clicks are dropped.
 *
 * <p>Each run refreshes only the event dates that new arrivals can touch (D - late_days .. D, wider
 * after a gap in the run calendar) and drops the expired dates, in one atomic Delta commit. Cost
 * per run: the clicks of late_days + 1 days of silver ad_events, never history. A rerun of an old
 * date whose window the state no longer covers reads the uncovered dates from silver (cost: those
 * days only).
 */
public final class ClickState {
  /** The name under {@code state/}. */
  public static final String NAME = "attribution_clicks";

  static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

  private ClickState() {}

  /**
   * The first event date the state holds after a run with latest attribution date {@code latest}.
   */
  public static LocalDate coverageFrom(RunContext ctx, LocalDate latest) {
    return latest.minusDays(ctx.cfg().ingest().lateDays() + ctx.cfg().attribution().windowDays());
  }

  /** The first event date the state covers once the state step has run for the run date. */
  public static LocalDate coveredFrom(RunContext ctx) {
    LocalDate d = ctx.runDate();
    LocalDate latest =
        ctx.runLog().latestSucceeded(StateStep.NAME).filter(p -> p.isAfter(d)).orElse(d);
    return coverageFrom(ctx, latest);
  }

  /**
   * Brings the state up to date for the run date, given the latest date the state step ran for
   * before this run. Returns the first event date the state now covers.
   */
  public static LocalDate refresh(RunContext ctx, Optional<LocalDate> previousLatest) {
    SparkSession spark = ctx.spark();
    String path = ctx.wh().state(NAME);
    LocalDate d = ctx.runDate();
    int late = ctx.cfg().ingest().lateDays();
    LocalDate latest = previousLatest.filter(p -> p.isAfter(d)).orElse(d);
    LocalDate keepFrom = coverageFrom(ctx, latest);
    LocalDate from;
    LocalDate to;
    if (previousLatest.isEmpty() || !Warehouse.exists(spark, path)) {
      from = keepFrom; // seed: a copy of every silver click that can still matter
      to = OPEN_END;
    } else {
      LocalDate prev = previousLatest.get();
      // Arrivals since the previous run have event dates >= (prev + 1) - late_days.
      LocalDate refreshFrom =
          prev.isBefore(d) ? min(d.minusDays(late), prev.plusDays(1 - late)) : d.minusDays(late);
      from = max(refreshFrom, keepFrom);
      to = d;
    }
    SilverTables.adEvents(spark, ctx.wh()).createOrReplaceTempView("attr_ad_events");
    Dataset<Row> rows =
        SqlFiles.run(spark, "state/attribution_clicks", Map.of("from_date", from, "to_date", to));
    String predicate =
        "event_date < DATE'"
            + keepFrom
            + "' OR (event_date >= DATE'"
            + from
            + "' AND event_date <= DATE'"
            + to
            + "')";
    Warehouse.replace(rows, path, predicate, List.of("event_date"));
    return keepFrom;
  }

  /**
   * Clicks with event dates {@code from .. to}: from the state where it covers them ({@code >=
   * coveredFrom}), from silver below that.
   */
  public static Dataset<Row> clicks(
      RunContext ctx, LocalDate coveredFrom, LocalDate from, LocalDate to) {
    SparkSession spark = ctx.spark();
    String path = ctx.wh().state(NAME);
    boolean hasState = Warehouse.exists(spark, path);
    LocalDate stateFrom = hasState ? max(from, coveredFrom) : to.plusDays(1);
    Dataset<Row> out = null;
    if (!stateFrom.isAfter(to)) {
      out = spark.read().format("delta").load(path).where(dateBetween(stateFrom, to));
    }
    if (from.isBefore(stateFrom)) {
      SilverTables.adEvents(spark, ctx.wh()).createOrReplaceTempView("attr_ad_events");
      Dataset<Row> old =
          SqlFiles.run(
              spark,
              "state/attribution_clicks",
              Map.of("from_date", from, "to_date", min(to, stateFrom.minusDays(1))));
      out = out == null ? old : out.unionByName(old);
    }
    return out;
  }

  private static org.apache.spark.sql.Column dateBetween(LocalDate a, LocalDate b) {
    return functions.col("event_date").between(java.sql.Date.valueOf(a), java.sql.Date.valueOf(b));
  }

  public static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  public static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
