package cmr.ingest;

import static org.apache.spark.sql.functions.col;

import cmr.config.CmrConfig;
import cmr.step.RunContext;
import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Is each fact source's delivery for an arrival day complete? From {@code ops/ingest_files}: no
 * file for {@code dt=D} (an upstream delivery that never came reads as a day without events), or
 * fewer rows than {@code min_share} of the median of the source's last {@code median_days} arrival
 * days with files. Snapshots are not judged (no folder means unchanged).
 */
public final class Freshness {
  public static final List<String> FACTS = List.of("orders", "ad_events", "user_activity");

  /** A problem with one source's delivery for one day. */
  public record Finding(String source, LocalDate day, long rows, Double median, String problem) {
    public String line() {
      return source + " dt=" + day + ": " + problem;
    }
  }

  private Freshness() {}

  /** The problems of the fact sources on {@code days}, in day and source order. */
  public static List<Finding> check(RunContext ctx, List<LocalDate> days) {
    CmrConfig.Freshness f = ctx.cfg().operations().freshness();
    if (days.isEmpty()) {
      return List.of();
    }
    LocalDate first = days.get(0);
    Map<String, TreeMap<LocalDate, Long>> rows =
        rowsByDay(
            ctx.spark(),
            ctx.wh(),
            first.minusDays(3L * f.medianDays() + 7),
            days.get(days.size() - 1));
    List<Finding> out = new ArrayList<>();
    for (LocalDate d : days) {
      for (String source : FACTS) {
        TreeMap<LocalDate, Long> byDay = rows.getOrDefault(source, new TreeMap<>());
        String problem = problem(byDay, d, f);
        if (problem != null) {
          out.add(new Finding(source, d, byDay.getOrDefault(d, 0L), median(byDay, d, f), problem));
        }
      }
    }
    return out;
  }

  /**
   * Rows read per source and arrival day from {@code ops/ingest_files}, arrival days {@code from ..
   * to} (either may be null: unbounded).
   */
  public static Map<String, TreeMap<LocalDate, Long>> rowsByDay(
      SparkSession spark, Warehouse wh, LocalDate from, LocalDate to) {
    Map<String, TreeMap<LocalDate, Long>> rows = new HashMap<>();
    String path = wh.ops("ingest_files");
    if (!Warehouse.exists(spark, path)) {
      return rows;
    }
    Column which = functions.lit(true);
    if (from != null) {
      which = which.and(col("arrival_date").geq(Date.valueOf(from)));
    }
    if (to != null) {
      which = which.and(col("arrival_date").leq(Date.valueOf(to)));
    }
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(path)
            .where(which)
            .groupBy("source", "arrival_date")
            .sum("rows_read")
            .collectAsList()) {
      rows.computeIfAbsent(r.getString(0), k -> new TreeMap<>())
          .put(r.getDate(1).toLocalDate(), r.getLong(2));
    }
    return rows;
  }

  /**
   * What is wrong with a fact source's delivery on {@code d}, given its rows per arrival day; null
   * when nothing is.
   */
  public static String problem(TreeMap<LocalDate, Long> byDay, LocalDate d, CmrConfig.Freshness f) {
    Long n = byDay.get(d);
    if (n == null) {
      return "no files for dt="
          + d
          + " (an upstream delivery that never came reads as a day without"
          + " events)";
    }
    Double median = median(byDay, d, f);
    if (median != null
        && byDay.headMap(d, false).size() >= f.minHistoryDays()
        && n < f.minShare() * median) {
      return String.format(
          "%,d rows, %.0f%% of the median of its last %d arrival days (%,.0f); limit %.0f%%",
          n, 100.0 * n / median, f.medianDays(), median, 100 * f.minShare());
    }
    return null;
  }

  /** The median rows of the last {@code median_days} arrival days before {@code d}, or null. */
  public static Double median(TreeMap<LocalDate, Long> byDay, LocalDate d, CmrConfig.Freshness f) {
    List<Long> v = new ArrayList<>();
    for (Long x : byDay.headMap(d, false).descendingMap().values()) {
      if (v.size() == f.medianDays()) {
        break;
      }
      v.add(x);
    }
    if (v.isEmpty()) {
      return null;
    }
    v.sort(null);
    int m = v.size() / 2;
    return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2.0;
  }
}
