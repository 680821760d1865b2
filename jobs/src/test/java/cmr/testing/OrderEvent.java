package cmr.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A silver/orders row, built fluently: {@code pay("p1").user("u1").amount("10.00").at(time)}. What
 * is not named takes a default: order {@code o-<id>}, item {@code i-<order>}, merchant m1, category
 * apparel, a pay's method alipay and quantity 1 (a refund's both NULL), arrival on the event date.
 */
public final class OrderEvent implements FixtureRow {
  private final String id;
  private final String type;
  private String order;
  private String user = "u1";
  private String merchant = "m1";
  private String item;
  private String category = "apparel";
  private String amount = "1.00";
  private String method;
  private OffsetDateTime time;
  private String arrival;

  OrderEvent(String id, String type) {
    this.id = id;
    this.type = type;
    this.method = type.equals("pay") ? "alipay" : null;
  }

  public OrderEvent order(String v) {
    order = v;
    return this;
  }

  public OrderEvent user(String v) {
    user = v;
    return this;
  }

  public OrderEvent merchant(String v) {
    merchant = v;
    return this;
  }

  public OrderEvent item(String v) {
    item = v;
    return this;
  }

  public OrderEvent category(String v) {
    category = v;
    return this;
  }

  public OrderEvent amount(String v) {
    amount = v;
    return this;
  }

  public OrderEvent method(String v) {
    method = v;
    return this;
  }

  /** The event time, an ISO instant with its offset, e.g. {@code 2026-11-10T12:00:00+08:00}. */
  public OrderEvent at(String isoWithOffset) {
    time = OffsetDateTime.parse(isoWithOffset);
    return this;
  }

  /** The arrival (landing) date, when it is not the event date. */
  public OrderEvent arrival(String date) {
    arrival = date;
    return this;
  }

  @Override
  public Row row() {
    if (time == null) {
      throw new IllegalStateException("order event " + id + " needs at(time)");
    }
    String o = order != null ? order : "o-" + id;
    boolean pay = type.equals("pay");
    Date eventDate = Fixtures.eventDate(time);
    return RowFactory.create(
        id,
        type,
        o,
        user,
        merchant,
        item != null ? item : "i-" + o,
        category,
        pay ? 1 : null,
        new BigDecimal(amount),
        method,
        Timestamp.from(time.toInstant()),
        eventDate,
        arrival != null ? Date.valueOf(arrival) : eventDate);
  }
}
