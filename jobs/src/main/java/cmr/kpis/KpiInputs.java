package cmr.kpis;

import cmr.state.RecomputeCalendar;
import cmr.state.Snapshots;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Registers the views the KPI gold SQL reads (the tables of {@link KpisStep#reads()}): the state
 * tables {@code user_daily}, {@code merchant_daily_money}, {@code user_first_active}, {@code
 * user_month_tiers}; {@code settlements} (gold, empty until it exists); {@code merchants_snap} (the
 * merchants snapshots in force on each gold day); {@code kpi_months} and {@code
 * monthly_kpis_existing}. Lazy: nothing is read here except the list of snapshot dates. The monthly
 * SQL also reads {@code daily_kpis}, registered by {@link #registerDailyGold} once the daily rows
 * of this run are written.
 */
final class KpiInputs {
  private static final StructType SETTLEMENTS =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("cycle_start", DataTypes.DateType)
          .add("merchant_id", DataTypes.StringType)
          .add("cycle_end", DataTypes.DateType)
          .add("compensation", DataTypes.createDecimalType(18, 2));
  private static final StructType EXISTING_MONTHS =
      new StructType()
          .add("month", DataTypes.StringType)
          .add("mau", DataTypes.LongType)
          .add("gmv", DataTypes.createDecimalType(18, 2))
          .add("cmr", DataTypes.createDecimalType(18, 2));

  private KpiInputs() {}

  static void register(RunContext ctx, RecomputeCalendar cal) {
    SparkSession spark = ctx.spark();
    for (String t :
        List.of("user_daily", "merchant_daily_money", "user_first_active", "user_month_tiers")) {
      spark.read().format("delta").load(ctx.wh().state(t)).createOrReplaceTempView(t);
    }
    SilverTables.read(spark, ctx.wh().gold("quanzhantui_settlements"), SETTLEMENTS)
        .selectExpr("campaign_id", "cycle_start", "merchant_id", "cycle_end", "compensation")
        .createOrReplaceTempView("settlements");
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = cal.goldFrom(); !d.isAfter(cal.runDate()); d = d.plusDays(1)) {
      days.add(d);
    }
    Dataset<Row> merchants = Snapshots.latestFor(spark, ctx.wh().silver("merchants"), days);
    (merchants != null ? merchants : SilverTables.read(spark, ctx.wh(), "merchants"))
        .createOrReplaceTempView("merchants_snap");
    cal.monthsFrame(spark).createOrReplaceTempView("kpi_months");
    SilverTables.read(spark, ctx.wh().gold("monthly_kpis"), EXISTING_MONTHS)
        .select("month", "mau", "gmv", "cmr")
        .createOrReplaceTempView("monthly_kpis_existing");
  }

  /** Registers gold {@code daily_kpis} as it stands now (after this run's daily rows). */
  static void registerDailyGold(RunContext ctx) {
    ctx.spark()
        .read()
        .format("delta")
        .load(ctx.wh().gold("daily_kpis"))
        .createOrReplaceTempView("daily_kpis");
  }
}
