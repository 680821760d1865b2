package cmr.kpis;

import cmr.pipeline.RunContext;
import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers the temp views the KPI SQL reads: silver facts ({@code orders}, {@code ad_events},
 * {@code user_activity}), {@code commission_rates} from conf, {@code settlements} (gold, empty
 * until it exists), and the snapshot slices {@code users_snap} and {@code merchants_snap}. A
 * missing input table becomes an empty view of its contract schema. Lazy: nothing is read here
 * except the list of snapshot dates.
 */
final class KpiInputs {
  static final StructType RATES_SCHEMA = new StructType()
      .add("category_id", DataTypes.StringType, false)
      .add("rate", DataTypes.createDecimalType(12, 8), false);

  private KpiInputs() {}

  static void registerFacts(RunContext ctx) {
    for (String fact : List.of("orders", "ad_events", "user_activity")) {
      table(ctx.spark(), ctx.wh().silver(fact), fact).createOrReplaceTempView(fact);
    }
    table(ctx.spark(), ctx.wh().gold("quanzhantui_settlements"), "quanzhantui_settlements")
        .selectExpr("campaign_id", "cycle_start", "merchant_id", "cycle_end", "compensation")
        .createOrReplaceTempView("settlements");
    rates(ctx.spark(), ctx.cfg().metrics().commissionRates()).createOrReplaceTempView("commission_rates");
  }

  /** {@code merchants_snap}: the merchants snapshots in force on each gold day of the run. */
  static void registerMerchants(RunContext ctx, KpiCalendar cal) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = cal.goldFrom(); !d.isAfter(cal.runDate()); d = d.plusDays(1)) {
      days.add(d);
    }
    snapshot(ctx, "merchants", days).createOrReplaceTempView("merchants_snap");
  }

  /** {@code users_snap}: the users snapshots in force at the month ends the tier rules need. */
  static void registerUsers(RunContext ctx, KpiCalendar cal) {
    Set<LocalDate> ends = new TreeSet<>();
    for (MonthWindow w : cal.months()) {
      ends.add(w.end());
      ends.add(w.prevEnd());
    }
    snapshot(ctx, "users", ends).createOrReplaceTempView("users_snap");
  }

  private static Dataset<Row> snapshot(RunContext ctx, String name, java.util.Collection<LocalDate> days) {
    Dataset<Row> rows = Snapshots.latestFor(ctx.spark(), ctx.wh().silver(name), days);
    return rows != null ? rows : empty(ctx.spark(), name);
  }

  static Dataset<Row> table(SparkSession spark, String path, String name) {
    return Warehouse.exists(spark, path) ? spark.read().format("delta").load(path) : empty(spark, name);
  }

  private static Dataset<Row> empty(SparkSession spark, String name) {
    return spark.createDataFrame(List.of(), SilverSchemas.SCHEMAS.get(name));
  }

  static Dataset<Row> rates(SparkSession spark, Map<String, BigDecimal> rates) {
    List<Row> rows = new ArrayList<>();
    rates.forEach((category, rate) -> rows.add(RowFactory.create(category, rate)));
    return spark.createDataFrame(rows, RATES_SCHEMA);
  }
}
