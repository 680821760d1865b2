package cmr.generate;

import java.util.List;

/**
 * The six landing sources of SPEC §1 with their field names (in file order) and how each field is
 * rendered in JSON: {@code S} string, {@code I} integer (a JSON number when it looks like one),
 * {@code B} boolean (a JSON boolean when it is {@code true}/{@code false}). Money and decimals are
 * JSON strings so that their scale survives (e.g. {@code "129.90"}).
 */
public enum Source {
  ORDERS(
      "orders",
      true,
      "event_id:S",
      "event_type:S",
      "order_id:S",
      "user_id:S",
      "merchant_id:S",
      "item_id:S",
      "category_id:S",
      "quantity:I",
      "amount:S",
      "pay_method:S",
      "event_time:S"),
  AD_EVENTS(
      "ad_events",
      true,
      "event_id:S",
      "event_type:S",
      "campaign_id:S",
      "merchant_id:S",
      "item_id:S",
      "channel:S",
      "user_id:S",
      "cost:S",
      "event_time:S"),
  USER_ACTIVITY(
      "user_activity",
      true,
      "event_id:S",
      "user_id:S",
      "event_type:S",
      "source:S",
      "item_id:S",
      "category_id:S",
      "event_time:S"),
  USERS("users", false, "user_id:S", "registered_date:S", "taoqi_score:I", "vip88:B"),
  MERCHANTS("merchants", false, "merchant_id:S", "merchant_type:S", "segment:S", "category_id:S"),
  CAMPAIGNS(
      "campaigns",
      false,
      "campaign_id:S",
      "merchant_id:S",
      "item_id:S",
      "campaign_type:S",
      "daily_budget:S",
      "target_roi:S",
      "start_date:S",
      "end_date:S");

  private final String dir;
  private final boolean fact;
  private final String[] fields;
  private final char[] types;

  Source(String dir, boolean fact, String... spec) {
    this.dir = dir;
    this.fact = fact;
    this.fields = new String[spec.length];
    this.types = new char[spec.length];
    for (int i = 0; i < spec.length; i++) {
      fields[i] = spec[i].substring(0, spec[i].indexOf(':'));
      types[i] = spec[i].charAt(spec[i].length() - 1);
    }
  }

  /** The folder name under the landing root. */
  public String dir() {
    return dir;
  }

  /** True for event sources (an arrival day's events), false for daily full snapshots. */
  public boolean fact() {
    return fact;
  }

  public int width() {
    return fields.length;
  }

  public String field(int i) {
    return fields[i];
  }

  public List<String> fields() {
    return List.of(fields);
  }

  char type(int i) {
    return types[i];
  }

  public int index(String field) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].equals(field)) {
        return i;
      }
    }
    throw new IllegalArgumentException(dir + " has no field " + field);
  }
}
