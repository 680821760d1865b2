package cmr.ingest;

import cmr.pipeline.RunContext;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes one prepared source: accepted rows to {@code bronze/<source>} (typed contract columns,
 * {@code _raw}, lineage), rejected rows to {@code ops/quarantine}, each replacing exactly the run
 * date's slice in one atomic commit, so a rerun leaves identical tables.
 */
public final class BronzeWriter {
  public static final StructType QUARANTINE = new StructType()
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

  public void write(PreparedSource p) {
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
    cols.add(lit(ctx.runDate()).as("arrival_date"));
    Dataset<Row> bronze = p.rows().where(col("_outcome").equalTo(Deduplicator.ACCEPTED))
        .select(cols.toArray(Column[]::new));
    Warehouse.replace(bronze, ctx.wh().bronze(s.name()), dateSlice(), List.of("arrival_date"));

    Dataset<Row> rejected = p.rows().where(col("_outcome").equalTo(Deduplicator.QUARANTINED))
        .select(lit(s.name()).as("source"), lit(ctx.runDate()).as("arrival_date"),
            col("_source_file").as("file"), col("_raw").as("record"), col("reason"),
            lit(ctx.runId()).as("run_id"), lit(now).as("quarantined_at"));
    if (!p.unreadableFiles().isEmpty()) {
      List<Row> whole = new ArrayList<>();
      for (String f : p.unreadableFiles()) {
        whole.add(RowFactory.create(s.name(), Date.valueOf(ctx.runDate()), f, null,
            "unreadable_file", ctx.runId(), now));
      }
      rejected = rejected.unionByName(ctx.spark().createDataFrame(whole, QUARANTINE));
    }
    Warehouse.replace(rejected, ctx.wh().ops("quarantine"),
        "source = '" + s.name() + "' AND " + dateSlice(), List.of("source", "arrival_date"));
  }

  /** The run date's slice; the date is a typed LocalDate, never user text. */
  private String dateSlice() {
    return "arrival_date = DATE'" + ctx.runDate() + "'";
  }
}
