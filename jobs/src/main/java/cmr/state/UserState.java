package cmr.state;

import cmr.sql.SqlFiles;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import cmr.warehouse.Warehouse;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The per-user and per-merchant-day state tables for the event dates a run recomputes
 * (docs/metrics.md): {@code state/user_daily} and {@code state/merchant_daily_money} (slices of
 * {@code stateFrom..runDate} rebuilt from silver's event-date partitions), then {@code
 * state/user_first_active} (only users active in that window are recomputed). When any of them is
 * missing, all of them are rebuilt from the whole of silver once (bootstrap).
 *
 * <p>Reads the views {@code orders}, {@code ad_events}, {@code user_activity} (silver), {@code
 * commission_rates} (conf), {@code user_daily} and {@code user_first_active_stored}, all registered
 * here.
 */
final class UserState {
  static final String USER_DAILY = "user_daily";
  static final String MERCHANT_MONEY = "merchant_daily_money";
  static final String FIRST_ACTIVE = "user_first_active";

  /** Lower bound of a bootstrap: before any event date silver can hold. */
  static final LocalDate BOOTSTRAP_FROM = LocalDate.of(1900, 1, 1);

  private static final StructType FIRST_ACTIVE_SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("first_active_date", DataTypes.DateType)
          .add("first_source", DataTypes.StringType);

  static final StructType RATES_SCHEMA =
      new StructType()
          .add("category_id", DataTypes.StringType, false)
          .add("rate", DataTypes.createDecimalType(12, 8), false);

  private UserState() {}

  /** Rebuilds the state of the window (or of all of silver when bootstrapping). */
  static void update(RunContext ctx, RecomputeCalendar cal) {
    SparkSession spark = ctx.spark();
    for (String fact : List.of("orders", "ad_events", "user_activity")) {
      SilverTables.read(spark, ctx.wh(), fact).createOrReplaceTempView(fact);
    }
    rates(spark, ctx.cfg().metrics().commissionRates()).createOrReplaceTempView("commission_rates");

    boolean bootstrap =
        List.of(USER_DAILY, MERCHANT_MONEY, FIRST_ACTIVE).stream()
            .anyMatch(t -> !Warehouse.exists(spark, ctx.wh().state(t)));
    LocalDate from = bootstrap ? BOOTSTRAP_FROM : cal.stateFrom();
    LocalDate to = cal.runDate();
    Map<String, Object> args = new HashMap<>();
    args.put("from_date", Date.valueOf(from));
    args.put("to_date", Date.valueOf(to));
    args.put("default_rate", ctx.cfg().metrics().defaultCommissionRate());
    String dates = "date >= DATE'" + from + "' AND date <= DATE'" + to + "'";

    Warehouse.replace(
        SqlFiles.run(spark, "state/" + USER_DAILY, args),
        ctx.wh().state(USER_DAILY),
        dates,
        List.of("date"));
    Warehouse.replace(
        SqlFiles.run(spark, "state/" + MERCHANT_MONEY, args),
        ctx.wh().state(MERCHANT_MONEY),
        dates,
        List.of("date"));
    register(ctx, USER_DAILY);

    String firstPath = ctx.wh().state(FIRST_ACTIVE);
    SilverTables.read(spark, firstPath, FIRST_ACTIVE_SCHEMA)
        .createOrReplaceTempView("user_first_active_stored");
    Dataset<Row> firsts = SqlFiles.run(spark, "state/" + FIRST_ACTIVE, args);
    Warehouse.replace(firsts, firstPath, "first_active_date >= DATE'" + from + "'", List.of());
  }

  static void register(RunContext ctx, String table) {
    ctx.spark().read().format("delta").load(ctx.wh().state(table)).createOrReplaceTempView(table);
  }

  /** The configured commission rates as a frame ({@code category_id}, {@code rate}). */
  static Dataset<Row> rates(SparkSession spark, Map<String, BigDecimal> rates) {
    List<Row> rows = new ArrayList<>();
    rates.forEach((category, rate) -> rows.add(RowFactory.create(category, rate)));
    return spark.createDataFrame(rows, RATES_SCHEMA);
  }
}
