package cmr.kpis;

import cmr.pipeline.RunContext;
import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maintains the KPI state tables for the event dates a run recomputes (docs/metrics.md):
 * {@code state/user_daily} and {@code state/merchant_daily_money} (slices of
 * {@code stateFrom..runDate} rebuilt from silver's event-date partitions), then
 * {@code state/user_first_active} (only users active in that window are recomputed). When any of
 * them is missing, all of them are rebuilt from the whole of silver once (bootstrap). Registers
 * the three as temp views for the gold SQL.
 */
final class KpiState {
  static final String USER_DAILY = "user_daily";
  static final String MERCHANT_MONEY = "merchant_daily_money";
  static final String FIRST_ACTIVE = "user_first_active";
  /** Lower bound of a bootstrap: before any event date silver can hold. */
  static final LocalDate BOOTSTRAP_FROM = LocalDate.of(1900, 1, 1);

  private static final StructType FIRST_ACTIVE_SCHEMA = new StructType()
      .add("user_id", DataTypes.StringType)
      .add("first_active_date", DataTypes.DateType)
      .add("first_source", DataTypes.StringType);

  private KpiState() {}

  /** Rebuilds the state of the window (or of all of silver when bootstrapping). */
  static void update(RunContext ctx, KpiCalendar cal) {
    SparkSession spark = ctx.spark();
    boolean bootstrap = List.of(USER_DAILY, MERCHANT_MONEY, FIRST_ACTIVE).stream()
        .anyMatch(t -> !Warehouse.exists(spark, ctx.wh().state(t)));
    LocalDate from = bootstrap ? BOOTSTRAP_FROM : cal.stateFrom();
    LocalDate to = cal.runDate();
    Map<String, Object> args = new HashMap<>();
    args.put("from_date", Date.valueOf(from));
    args.put("to_date", Date.valueOf(to));
    args.put("default_rate", ctx.cfg().metrics().defaultCommissionRate());
    String dates = "date >= DATE'" + from + "' AND date <= DATE'" + to + "'";

    Warehouse.replace(SqlFiles.run(spark, "state/" + USER_DAILY, args),
        ctx.wh().state(USER_DAILY), dates, List.of("date"));
    Warehouse.replace(SqlFiles.run(spark, "state/" + MERCHANT_MONEY, args),
        ctx.wh().state(MERCHANT_MONEY), dates, List.of("date"));
    register(ctx, USER_DAILY);
    register(ctx, MERCHANT_MONEY);

    String firstPath = ctx.wh().state(FIRST_ACTIVE);
    Dataset<Row> stored = Warehouse.exists(spark, firstPath)
        ? spark.read().format("delta").load(firstPath)
        : spark.createDataFrame(List.of(), FIRST_ACTIVE_SCHEMA);
    stored.createOrReplaceTempView("user_first_active_stored");
    Dataset<Row> firsts = SqlFiles.run(spark, "state/" + FIRST_ACTIVE, args);
    Warehouse.replace(firsts, firstPath, "first_active_date >= DATE'" + from + "'", List.of());
    register(ctx, FIRST_ACTIVE);
  }

  static void register(RunContext ctx, String table) {
    ctx.spark().read().format("delta").load(ctx.wh().state(table)).createOrReplaceTempView(table);
  }
}
