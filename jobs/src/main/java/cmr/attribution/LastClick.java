package cmr.attribution;

import cmr.sql.SqlFiles;
import cmr.step.RunContext;
import cmr.warehouse.SilverTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Last-click attribution (SPEC §2), one rule in one SQL file (sql/attribution/last_click.sql): the
 * pay events dated {@code pay_from .. pay_to} of each "as of" row go to their last click, counting
 * only the events arrived by its {@code settling_date}. The nightly attribution is the single row
 * (every arrival, the recomputed dates); settlement passes one row per settling date. Cost: the pay
 * events of those dates joined on (user, item) with the clicks of those dates and the window before
 * them.
 */
public final class LastClick {
  /** One row per "as of" date: the arrivals it counts and the pay dates it attributes. */
  public static final StructType AS_OF =
      new StructType()
          .add("settling_date", DataTypes.DateType, false)
          .add("pay_from", DataTypes.DateType, false)
          .add("pay_to", DataTypes.DateType, false);

  private LastClick() {}

  /**
   * The clicks a pay event dated {@code payFrom} or later can be attributed to start on this date.
   */
  public static LocalDate clicksFrom(RunContext ctx, LocalDate payFrom) {
    return payFrom.minusDays(ctx.cfg().attribution().windowDays());
  }

  /**
   * The pay events dated {@code payFrom .. payTo}, with every event arrived by {@code maxArrival}.
   */
  public static Dataset<Row> attribute(
      RunContext ctx,
      Dataset<Row> clicks,
      LocalDate payFrom,
      LocalDate payTo,
      LocalDate maxArrival) {
    Dataset<Row> one =
        ctx.spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        Date.valueOf(maxArrival), Date.valueOf(payFrom), Date.valueOf(payTo))),
                AS_OF);
    return attributeAsOf(ctx, clicks, one, payFrom, payTo).drop("settling_date");
  }

  /**
   * Last click as of several dates in one pass: {@code asOf} has rows of {@link #AS_OF}; the result
   * has a {@code settling_date} column. One scan and one join for all of them (a backfill settles
   * dozens of dates at once); {@code payFrom .. payTo} bound every row's pay dates.
   */
  public static Dataset<Row> attributeAsOf(
      RunContext ctx, Dataset<Row> clicks, Dataset<Row> asOf, LocalDate payFrom, LocalDate payTo) {
    SilverTables.orders(ctx.spark(), ctx.wh()).createOrReplaceTempView("attr_orders");
    clicks.createOrReplaceTempView("attr_clicks");
    asOf.createOrReplaceTempView("settle_dates");
    long windowMicros = ctx.cfg().attribution().windowDays() * 86_400L * 1_000_000L;
    return SqlFiles.run(
        ctx.spark(),
        "attribution/last_click",
        Map.of("pay_from", payFrom, "pay_to", payTo, "window_micros", windowMicros));
  }
}
