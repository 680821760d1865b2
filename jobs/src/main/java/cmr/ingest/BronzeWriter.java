package cmr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cmr.step.RunContext;
import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes prepared sources: accepted rows to {@code bronze/<source>} (typed contract columns, {@code
 * _raw}, lineage), one commit per source; rejected rows of all sources to {@code ops/quarantine} in
 * one commit. Each replaces exactly the written arrival days' slice atomically, so a rerun leaves
 * identical tables.
 */
public final class BronzeWriter {
  public static final StructType QUARANTINE =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("arrival_date", DataTypes.DateType, false)
          .add("file", DataTypes.StringType, true)
          .add("record", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, false)
          .add("run_id", DataTypes.StringType, false)
          .add("quarantined_at", DataTypes.TimestampType, false);

  private final RunContext ctx;
  private final Timestamp now = Timestamp.from(Instant.now());

  public BronzeWriter(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Writes the accepted rows of the given arrival days of a prepared source (one commit). */
  public void writeBronze(PreparedSource p, DaySlice days) {
    Source s = p.source();
    List<Column> cols = new ArrayList<>();
    for (String f : s.fields()) {
      cols.add(col(f));
    }
    if (s.fact()) {
      cols.add(col("event_date"));
    }
    cols.add(col("_raw"));
    cols.add(col("_source_file"));
    cols.add(lit(ctx.runId()).as("_run_id"));
    cols.add(lit(now).as("_ingested_at"));
    cols.add(col("_arrival_date").as("arrival_date"));
    Dataset<Row> bronze =
        p.rows()
            .where(col("_outcome").equalTo(Deduplicator.ACCEPTED).and(days.filter("_arrival_date")))
            .select(cols.toArray(Column[]::new));
    Warehouse.replace(
        bronze, ctx.wh().bronze(s.name()), days.predicate("arrival_date"), List.of("arrival_date"));
  }

  /**
   * Writes the rejected rows of every source for the given arrival days to the quarantine in one
   * commit (the slice of those days is replaced for all sources, so every source must be given).
   */
  public void writeQuarantine(List<PreparedSource> sources, DaySlice days) {
    Dataset<Row> rejected = ctx.spark().createDataFrame(List.of(), QUARANTINE);
    for (PreparedSource p : sources) {
      rejected = rejected.unionByName(rejected(p, days));
    }
    Warehouse.replace(
        rejected,
        ctx.wh().ops("quarantine"),
        days.predicate("arrival_date"),
        List.of("source", "arrival_date"));
  }

  private Dataset<Row> rejected(PreparedSource p, DaySlice days) {
    Source s = p.source();
    Dataset<Row> rejected =
        p.rows()
            .where(
                col("_outcome").equalTo(Deduplicator.QUARANTINED).and(days.filter("_arrival_date")))
            .select(
                lit(s.name()).as("source"),
                col("_arrival_date").as("arrival_date"),
                col("_source_file").as("file"),
                col("_raw").as("record"),
                col("reason"),
                lit(ctx.runId()).as("run_id"),
                lit(now).as("quarantined_at"));
    if (!p.unreadableFiles().isEmpty()) {
      List<Row> whole = new ArrayList<>();
      for (FileCounts f : p.unreadableFiles()) {
        if (days.days().contains(f.arrivalDate())) {
          whole.add(
              RowFactory.create(
                  s.name(),
                  Date.valueOf(f.arrivalDate()),
                  f.file(),
                  null,
                  "unreadable_file",
                  ctx.runId(),
                  now));
        }
      }
      rejected = rejected.unionByName(ctx.spark().createDataFrame(whole, QUARANTINE));
    }
    return rejected;
  }
}
