package cmr.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Decides each validated row's outcome ({@code _outcome}: accepted, quarantined or duplicate), and
 * the {@code duplicate_key} reason of snapshots, after every other rule (SPEC §1):
 *
 * <ul>
 *   <li>facts: a row that passes every check but repeats the {@code event_id} of an event accepted
 *       earlier the same day (first by file name, then position in the file) or on one of the
 *       {@code late_days} previous arrival days is a duplicate;
 *   <li>snapshots: a key that appears more than once among the rows of one day's snapshot that pass
 *       sends all those rows to quarantine as {@code duplicate_key}.
 * </ul>
 */
public final class Deduplicator {
  public static final String ACCEPTED = "accepted";
  public static final String QUARANTINED = "quarantined";
  public static final String DUPLICATE = "duplicate";

  private Deduplicator() {}

  /**
   * Facts. A valid row is a duplicate when an earlier valid row with the same id (earlier arrival
   * day, or the same day and an earlier file or position) arrived at most {@code lateDays} days
   * before it, or when {@code recentIds} ({@code event_id}, {@code arrival_date}: ids already in
   * bronze from the days before the ingested range) holds it that recently.
   */
  public static Dataset<Row> facts(Dataset<Row> validated, Dataset<Row> recentIds, int lateDays) {
    Column valid = col("reason").isNull();
    Dataset<Row> seen =
        recentIds
            .groupBy(col("event_id").as("_seen_id"))
            .agg(max("arrival_date").as("_seen_arrival"));
    Column earliest = date_sub(col("_arrival_date"), lateDays);
    Dataset<Row> ranked =
        validated
            .withColumn(
                "_prev_arrival",
                when(
                    valid,
                    max("_arrival_date")
                        .over(
                            Window.partitionBy(col("event_id"), valid)
                                .orderBy(col("_arrival_date"), col("_source_file"), col("_record"))
                                .rowsBetween(Window.unboundedPreceding(), -1))))
            .join(seen, col("event_id").equalTo(col("_seen_id")), "left");
    return ranked
        .withColumn(
            "_outcome",
            when(col("reason").isNotNull(), lit(QUARANTINED))
                .when(
                    coalesce(col("_prev_arrival").geq(earliest), lit(false))
                        .or(coalesce(col("_seen_arrival").geq(earliest), lit(false))),
                    lit(DUPLICATE))
                .otherwise(lit(ACCEPTED)))
        .drop("_prev_arrival", "_seen_arrival", "_seen_id");
  }

  /** Snapshots: repeated keys among the rows that pass become {@code duplicate_key}. */
  public static Dataset<Row> snapshot(Dataset<Row> validated, String key) {
    Column valid = col("reason").isNull();
    Dataset<Row> counted =
        validated.withColumn(
            "_key_rows",
            when(
                valid,
                count(lit(1)).over(Window.partitionBy(col(key), col("_arrival_date"), valid))));
    return counted
        .withColumn(
            "reason",
            when(valid.and(col("_key_rows").gt(1)), lit("duplicate_key")).otherwise(col("reason")))
        .withColumn(
            "_outcome", when(col("reason").isNull(), lit(ACCEPTED)).otherwise(lit(QUARANTINED)))
        .drop("_key_rows");
  }
}
