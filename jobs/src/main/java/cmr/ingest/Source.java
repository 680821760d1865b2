package cmr.ingest;

import java.util.List;

/**
 * One landing source of SPEC §1: its name, its fields in contract order, and whether it is a fact
 * source (events with {@code event_id} and {@code event_time}) or a daily full snapshot keyed by
 * {@code key}.
 */
public record Source(String name, List<String> fields, boolean fact, String key) {

  public static final Source ORDERS =
      new Source(
          "orders",
          List.of(
              "event_id",
              "event_type",
              "order_id",
              "user_id",
              "merchant_id",
              "item_id",
              "category_id",
              "quantity",
              "amount",
              "pay_method",
              "event_time"),
          true,
          "event_id");
  public static final Source AD_EVENTS =
      new Source(
          "ad_events",
          List.of(
              "event_id",
              "event_type",
              "campaign_id",
              "merchant_id",
              "item_id",
              "channel",
              "user_id",
              "cost",
              "event_time"),
          true,
          "event_id");
  public static final Source USER_ACTIVITY =
      new Source(
          "user_activity",
          List.of(
              "event_id",
              "user_id",
              "event_type",
              "source",
              "item_id",
              "category_id",
              "event_time"),
          true,
          "event_id");
  public static final Source USERS =
      new Source(
          "users", List.of("user_id", "registered_date", "taoqi_score", "vip88"), false, "user_id");
  public static final Source MERCHANTS =
      new Source(
          "merchants",
          List.of("merchant_id", "merchant_type", "segment", "category_id"),
          false,
          "merchant_id");
  public static final Source CAMPAIGNS =
      new Source(
          "campaigns",
          List.of(
              "campaign_id",
              "merchant_id",
              "item_id",
              "campaign_type",
              "daily_budget",
              "target_roi",
              "start_date",
              "end_date"),
          false,
          "campaign_id");

  /** Every source, facts first. */
  public static final List<Source> ALL =
      List.of(ORDERS, AD_EVENTS, USER_ACTIVITY, USERS, MERCHANTS, CAMPAIGNS);
}
