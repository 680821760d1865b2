package cmr.ingest;

import cmr.errors.Errors;
import cmr.pipeline.RunContext;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Nothing lost (DESIGN rule 2): for every file of a source, the rows read must equal the rows now
 * in bronze plus those now in the quarantine (both counted back from the written tables) plus the
 * duplicates dropped. Records the counts in {@code ops/ingest_files} (one row per source, arrival
 * day and file) and fails the run when they do not add up.
 */
public final class Reconciliation {
  public static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("arrival_date", DataTypes.DateType, false)
      .add("source", DataTypes.StringType, false)
      .add("file", DataTypes.StringType, false)
      .add("rows_read", DataTypes.LongType, false)
      .add("rows_bronze", DataTypes.LongType, false)
      .add("rows_quarantined", DataTypes.LongType, false)
      .add("rows_duplicate", DataTypes.LongType, false);

  private final RunContext ctx;

  public Reconciliation(RunContext ctx) {
    this.ctx = ctx;
  }

  public void check(PreparedSource p) {
    String source = p.source().name();
    Map<String, Long> bronze = countBy(ctx.spark().read().format("delta").load(ctx.wh().bronze(source))
        .where(col("arrival_date").equalTo(lit(ctx.runDate()))), "_source_file");
    Map<String, Long> quarantine = countBy(ctx.spark().read().format("delta")
        .load(ctx.wh().ops("quarantine"))
        .where(col("arrival_date").equalTo(lit(ctx.runDate())).and(col("source").equalTo(source))
            .and(col("reason").notEqual("unreadable_file"))), "file");
    List<Row> rows = new ArrayList<>();
    for (FileCounts fc : p.files().values()) {
      long b = bronze.getOrDefault(fc.file(), 0L);
      long q = quarantine.getOrDefault(fc.file(), 0L);
      if (fc.read() != b + q + fc.duplicates() || b != fc.accepted() || q != fc.quarantined()) {
        throw Errors.reconciliation(source, fc.file(), fc.read(), b, q, fc.duplicates());
      }
      rows.add(RowFactory.create(ctx.runId(), Date.valueOf(ctx.runDate()), source, fc.file(),
          fc.read(), b, q, fc.duplicates()));
    }
    Dataset<Row> df = ctx.spark().createDataFrame(rows, SCHEMA);
    Warehouse.replace(df, ctx.wh().ops("ingest_files"),
        "source = '" + source + "' AND arrival_date = DATE'" + ctx.runDate() + "'",
        List.of("arrival_date"));
  }

  private static Map<String, Long> countBy(Dataset<Row> df, String column) {
    Map<String, Long> m = new HashMap<>();
    for (Row r : df.groupBy(column).count().collectAsList()) {
      m.put(r.getString(0), r.getLong(1));
    }
    return m;
  }
}
