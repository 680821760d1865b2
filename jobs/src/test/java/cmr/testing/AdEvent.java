package cmr.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A silver/ad_events row, built fluently: {@code click("k1").user("u1").cost("2.50").at(time)}.
 * What is not named takes a default: campaign c1, merchant m1, item i1, channel search, user u-ad,
 * arrival on the event date.
 */
public final class AdEvent implements FixtureRow {
  private final String id;
  private final String type;
  private String campaign = "c1";
  private String merchant = "m1";
  private String item = "i1";
  private String channel = "search";
  private String user = "u-ad";
  private String cost = "0.00";
  private OffsetDateTime time;
  private String arrival;

  AdEvent(String id, String type) {
    this.id = id;
    this.type = type;
  }

  public AdEvent campaign(String v) {
    campaign = v;
    return this;
  }

  public AdEvent merchant(String v) {
    merchant = v;
    return this;
  }

  public AdEvent item(String v) {
    item = v;
    return this;
  }

  public AdEvent channel(String v) {
    channel = v;
    return this;
  }

  public AdEvent user(String v) {
    user = v;
    return this;
  }

  public AdEvent cost(String v) {
    cost = v;
    return this;
  }

  /** The event time, an ISO instant with its offset, e.g. {@code 2026-11-10T12:00:00+08:00}. */
  public AdEvent at(String isoWithOffset) {
    time = OffsetDateTime.parse(isoWithOffset);
    return this;
  }

  /** The arrival (landing) date, when it is not the event date. */
  public AdEvent arrival(String date) {
    arrival = date;
    return this;
  }

  @Override
  public Row row() {
    if (time == null) {
      throw new IllegalStateException("ad event " + id + " needs at(time)");
    }
    Date eventDate = Fixtures.eventDate(time);
    return RowFactory.create(
        id,
        type,
        campaign,
        merchant,
        item,
        channel,
        user,
        new BigDecimal(cost),
        Timestamp.from(time.toInstant()),
        eventDate,
        arrival != null ? Date.valueOf(arrival) : eventDate);
  }
}
