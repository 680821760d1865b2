package cmr.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Decides each validated row's outcome ({@code _outcome}: accepted, quarantined or duplicate), and
 * the {@code duplicate_key} reason of snapshots, after every other rule (SPEC §1):
 * <ul>
 *   <li>facts: a row that passes every check but repeats the {@code event_id} of an event accepted
 *   earlier the same day (first by file name, then position in the file) or on one of the
 *   {@code late_days} previous arrival days ({@code recentIds}) is a duplicate;</li>
 *   <li>snapshots: a key that appears more than once among the rows that pass sends all those rows
 *   to quarantine as {@code duplicate_key}.</li>
 * </ul>
 */
public final class Deduplicator {
  public static final String ACCEPTED = "accepted";
  public static final String QUARANTINED = "quarantined";
  public static final String DUPLICATE = "duplicate";

  private Deduplicator() {}

  /** Facts: {@code recentIds} has one column {@code event_id}, the ids accepted on earlier days. */
  public static Dataset<Row> facts(Dataset<Row> validated, Dataset<Row> recentIds) {
    Column valid = col("reason").isNull();
    Dataset<Row> seen = recentIds.select(col("event_id").as("_seen_id")).distinct()
        .withColumn("_seen", lit(true));
    Dataset<Row> ranked = validated
        .withColumn("_rank", when(valid, row_number().over(Window.partitionBy(col("event_id"), valid)
            .orderBy(col("_source_file"), col("_record")))))
        .join(seen, col("event_id").equalTo(col("_seen_id")), "left");
    return ranked
        .withColumn("_outcome",
            when(col("reason").isNotNull(), lit(QUARANTINED))
                .when(col("_rank").gt(1).or(col("_seen").isNotNull()), lit(DUPLICATE))
                .otherwise(lit(ACCEPTED)))
        .drop("_rank", "_seen", "_seen_id");
  }

  /** Snapshots: repeated keys among the rows that pass become {@code duplicate_key}. */
  public static Dataset<Row> snapshot(Dataset<Row> validated, String key) {
    Column valid = col("reason").isNull();
    Dataset<Row> counted = validated.withColumn("_key_rows",
        when(valid, count(lit(1)).over(Window.partitionBy(col(key), valid))));
    return counted
        .withColumn("reason", when(valid.and(col("_key_rows").gt(1)), lit("duplicate_key"))
            .otherwise(col("reason")))
        .withColumn("_outcome", when(col("reason").isNull(), lit(ACCEPTED)).otherwise(lit(QUARANTINED)))
        .drop("_key_rows");
  }
}
