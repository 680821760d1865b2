package cmr.state;

import static org.apache.spark.sql.functions.col;

import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Daily full snapshots ({@code silver/users}, {@code silver/merchants}, one partition per
 * snapshot_date): finds "the latest snapshot on or before d" and reads only those partitions, so a
 * run reads a few snapshots however long the history is.
 */
public final class Snapshots {
  private Snapshots() {}

  /** The rows of the latest snapshot on or before each of {@code days}; empty if none. */
  public static Dataset<Row> latestFor(
      SparkSession spark, String path, Collection<LocalDate> days) {
    if (!Warehouse.exists(spark, path)) {
      return null;
    }
    Dataset<Row> table = spark.read().format("delta").load(path);
    LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
    TreeSet<LocalDate> available = new TreeSet<>();
    for (Row r :
        table
            .where(col("snapshot_date").leq(Date.valueOf(last)))
            .select("snapshot_date")
            .distinct()
            .collectAsList()) {
      available.add(r.getDate(0).toLocalDate());
    }
    List<Object> wanted = new ArrayList<>();
    for (LocalDate d : new TreeSet<>(days)) {
      LocalDate s = available.floor(d);
      if (s != null && !wanted.contains(Date.valueOf(s))) {
        wanted.add(Date.valueOf(s));
      }
    }
    return table.where(col("snapshot_date").isin(wanted.toArray()));
  }
}
