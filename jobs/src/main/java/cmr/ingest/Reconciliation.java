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

/**
 * Nothing lost (DESIGN rule 2): for every file of every source, the rows read must equal the rows
 * now in bronze plus those now in the quarantine (both counted back from the written tables) plus
 * the duplicates dropped. Records the counts in {@code ops/ingest_files} (one row per source,
 * arrival day and file; one commit for all sources) and fails the run when they do not add up.
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

  /** Checks every source written for the given days and records them in one commit. */
  public void check(List<PreparedSource> sources, DaySlice days) {
    Map<String, Long> quarantine = countBy(ctx.spark().read().format("delta")
        .load(ctx.wh().ops("quarantine"))
        .where(days.filter("arrival_date").and(col("reason").notEqual("unreadable_file"))),
        "source", "file");
    List<Row> rows = new ArrayList<>();
    for (PreparedSource p : sources) {
      String source = p.source().name();
      Map<String, Long> bronze = countBy(ctx.spark().read().format("delta")
          .load(ctx.wh().bronze(source)).where(days.filter("arrival_date")), null, "_source_file");
      for (FileCounts fc : p.files().values()) {
        if (!days.days().contains(fc.arrivalDate())) {
          continue;
        }
        long b = bronze.getOrDefault(fc.file(), 0L);
        long q = quarantine.getOrDefault(source + "\u0000" + fc.file(), 0L);
        if (fc.read() != b + q + fc.duplicates() || b != fc.accepted() || q != fc.quarantined()) {
          throw Errors.reconciliation(source, fc.file(), fc.read(), b, q, fc.duplicates());
        }
        rows.add(RowFactory.create(ctx.runId(), Date.valueOf(fc.arrivalDate()), source, fc.file(),
            fc.read(), b, q, fc.duplicates()));
      }
    }
    Dataset<Row> df = ctx.spark().createDataFrame(rows, SCHEMA);
    Warehouse.replace(df, ctx.wh().ops("ingest_files"), days.predicate("arrival_date"),
        List.of("arrival_date"));
  }

  /** Row counts by {@code column}, keyed by its value (with a prefix column: both values, NUL-joined). */
  private static Map<String, Long> countBy(Dataset<Row> df, String prefix, String column) {
    Map<String, Long> m = new HashMap<>();
    if (prefix == null) {
      for (Row r : df.groupBy(column).count().collectAsList()) {
        m.put(r.getString(0), r.getLong(1));
      }
    } else {
      for (Row r : df.groupBy(prefix, column).count().collectAsList()) {
        m.put(r.getString(0) + "\u0000" + r.getString(1), r.getLong(2));
      }
    }
    return m;
  }
}
