package cmr.attribution;

import cmr.warehouse.SilverTables;

import cmr.step.RunContext;
import cmr.sql.SqlFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Map;

/**
 * Last-click attribution (sql/attribution/last_click.sql) of the pay events dated
 * {@code payFrom .. payTo} to the given clicks, counting only events arrived by
 * {@code maxArrival}. Cost: the pay events of those dates joined on (user, item) with the
 * clicks of those dates and the window before them.
 */
public final class LastClick {
  private LastClick() {}

  /** The clicks a pay event dated {@code payFrom} or later can be attributed to start on this date. */
  public static LocalDate clicksFrom(RunContext ctx, LocalDate payFrom) {
    return payFrom.minusDays(ctx.cfg().attribution().windowDays());
  }

  public static Dataset<Row> attribute(RunContext ctx, Dataset<Row> clicks, LocalDate payFrom,
                                       LocalDate payTo, LocalDate maxArrival) {
    SilverTables.orders(ctx.spark(), ctx.wh()).createOrReplaceTempView("attr_orders");
    clicks.createOrReplaceTempView("attr_clicks");
    long windowMicros = ctx.cfg().attribution().windowDays() * 86_400L * 1_000_000L;
    return SqlFiles.run(ctx.spark(), "attribution/last_click", Map.of(
        "pay_from", payFrom, "pay_to", payTo, "max_arrival", maxArrival,
        "window_micros", windowMicros));
  }

  /**
   * Last click as of several settling dates in one pass (sql/attribution/last_click_as_of.sql):
   * {@code settleDates} has one row per settling date ({@code settling_date}, {@code pay_from},
   * {@code pay_to}); the result has a {@code settling_date} column. Equal to {@link #attribute}
   * per settling date S with {@code maxArrival = S}, unioned, but one scan and one join instead
   * of one per date (a backfill settles dozens of dates at once).
   */
  public static Dataset<Row> attributeAsOf(RunContext ctx, Dataset<Row> clicks,
                                           Dataset<Row> settleDates, LocalDate payFrom,
                                           LocalDate payTo) {
    SilverTables.orders(ctx.spark(), ctx.wh()).createOrReplaceTempView("attr_orders");
    clicks.createOrReplaceTempView("attr_clicks");
    settleDates.createOrReplaceTempView("settle_dates");
    long windowMicros = ctx.cfg().attribution().windowDays() * 86_400L * 1_000_000L;
    return SqlFiles.run(ctx.spark(), "attribution/last_click_as_of", Map.of(
        "pay_from", payFrom, "pay_to", payTo, "window_micros", windowMicros));
  }
}
