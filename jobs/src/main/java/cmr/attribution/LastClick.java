package cmr.attribution;

import cmr.pipeline.RunContext;
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
    SilverInputs.orders(ctx.spark(), ctx.wh()).createOrReplaceTempView("attr_orders");
    clicks.createOrReplaceTempView("attr_clicks");
    long windowMicros = ctx.cfg().attribution().windowDays() * 86_400L * 1_000_000L;
    return SqlFiles.run(ctx.spark(), "attribution/last_click", Map.of(
        "pay_from", payFrom, "pay_to", payTo, "max_arrival", maxArrival,
        "window_micros", windowMicros));
  }
}
