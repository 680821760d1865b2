package cmr.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cmr.errors.Errors;
import cmr.step.RunContext;
import cmr.warehouse.Warehouse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Nothing lost (DESIGN rule 2): for every file of every source, the rows read must equal the rows
 * now in bronze plus those now in the quarantine (both counted back from the written tables) plus
 * the duplicates dropped. Records the counts in {@code ops/ingest_files} (one row per source,
 * arrival day and file; one commit for all sources) and fails the run when they do not add up.
 */
public final class Reconciliation {
  public static final StructType SCHEMA =
      new StructType()
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
    Map<String, Long> counted = countAll(sources, days);
    List<Row> rows = new ArrayList<>();
    for (PreparedSource p : sources) {
      String source = p.source().name();
      for (FileCounts fc : p.files().values()) {
        if (!days.days().contains(fc.arrivalDate())) {
          continue;
        }
        long b = counted.getOrDefault(key("bronze", source, fc.file()), 0L);
        long q = counted.getOrDefault(key("quarantine", source, fc.file()), 0L);
        if (fc.read() != b + q + fc.duplicates() || b != fc.accepted() || q != fc.quarantined()) {
          throw Errors.reconciliation(source, fc.file(), fc.read(), b, q, fc.duplicates());
        }
        rows.add(
            RowFactory.create(
                ctx.runId(),
                Date.valueOf(fc.arrivalDate()),
                source,
                fc.file(),
                fc.read(),
                b,
                q,
                fc.duplicates()));
      }
    }
    Dataset<Row> df = ctx.spark().createDataFrame(rows, SCHEMA);
    Warehouse.replace(
        df, ctx.wh().ops("ingest_files"), days.predicate("arrival_date"), List.of("arrival_date"));
  }

  /**
   * Rows per (table, source, file) counted back from every source's bronze table and from the
   * quarantine, in one query (one plan, its scans run side by side), keyed by {@link #key}.
   */
  private Map<String, Long> countAll(List<PreparedSource> sources, DaySlice days) {
    Dataset<Row> all =
        ctx.spark()
            .read()
            .format("delta")
            .load(ctx.wh().ops("quarantine"))
            .where(days.filter("arrival_date").and(col("reason").notEqual("unreadable_file")))
            .groupBy(lit("quarantine").as("kind"), col("source"), col("file"))
            .count();
    for (PreparedSource p : sources) {
      all =
          all.unionByName(
              ctx.spark()
                  .read()
                  .format("delta")
                  .load(ctx.wh().bronze(p.source().name()))
                  .where(days.filter("arrival_date"))
                  .groupBy(
                      lit("bronze").as("kind"),
                      lit(p.source().name()).as("source"),
                      col("_source_file").as("file"))
                  .count());
    }
    Map<String, Long> m = new HashMap<>();
    for (Row r : all.collectAsList()) {
      m.put(key(r.getString(0), r.getString(1), r.getString(2)), r.getLong(3));
    }
    return m;
  }

  private static String key(String kind, String source, String file) {
    return kind + "\u0000" + source + "\u0000" + file;
  }
}
