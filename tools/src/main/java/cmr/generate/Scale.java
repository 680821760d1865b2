package cmr.generate;

import cmr.errors.Errors;
import java.util.Locale;

/**
 * How much data to generate per day. The presets keep the ratios of {@code large} (about 1/1000 of
 * Taobao: 1M users, 10M activity events, 300k orders, 3M ad events a day); {@code small} is the
 * demo and puts a larger share of orders behind ads so the response curves show in 40 days.
 *
 * @param users users registered by the last day (85% registered before the first day)
 * @param merchants merchants (a few open during the range)
 * @param wholeSite whole-site promotion (quanzhantui) campaigns
 * @param otherCampaigns search_cpc, display_cpm and feed_cpc campaigns
 * @param activityPerDay user_activity events on an ordinary day
 * @param ordersPerDay pay events on an ordinary day (organic plus ad-attributed)
 * @param adEventsPerDay ad events (impressions and clicks) on an ordinary day, roughly
 * @param adShare share of pay events that come from whole-site promotion clicks
 */
public record Scale(
    String name,
    int users,
    int merchants,
    int wholeSite,
    int otherCampaigns,
    int activityPerDay,
    int ordersPerDay,
    int adEventsPerDay,
    double adShare) {

  public static Scale small() {
    return new Scale("small", 8_000, 300, 8, 8, 20_000, 800, 25_000, 0.40);
  }

  public static Scale medium() {
    return new Scale("medium", 100_000, 5_000, 200, 150, 1_000_000, 30_000, 300_000, 0.15);
  }

  public static Scale large() {
    return new Scale(
        "large", 1_000_000, 30_000, 1_500, 1_000, 10_000_000, 300_000, 3_000_000, 0.12);
  }

  /** The preset of that name ({@code small}, {@code medium}, {@code large}). */
  public static Scale named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "small" -> small();
      case "medium" -> medium();
      case "large" -> large();
      default ->
          throw Errors.usage(
              "--scale " + name,
              "unknown scale",
              "use small, medium or large (and --users, --orders-per-day ... for custom sizes)");
    };
  }

  /** This scale with the non-null values replaced (custom sizes). */
  public Scale with(
      Integer users,
      Integer merchants,
      Integer wholeSite,
      Integer activityPerDay,
      Integer ordersPerDay,
      Integer adEventsPerDay) {
    Scale s =
        new Scale(
            name,
            or(users, this.users),
            or(merchants, this.merchants),
            or(wholeSite, this.wholeSite),
            wholeSite == null
                ? otherCampaigns
                : Math.max(1, wholeSite * otherCampaigns / Math.max(1, this.wholeSite)),
            or(activityPerDay, this.activityPerDay),
            or(ordersPerDay, this.ordersPerDay),
            or(adEventsPerDay, this.adEventsPerDay),
            adShare);
    boolean custom = !s.equals(this);
    s =
        custom
            ? new Scale(
                name + "+custom",
                s.users,
                s.merchants,
                s.wholeSite,
                s.otherCampaigns,
                s.activityPerDay,
                s.ordersPerDay,
                s.adEventsPerDay,
                s.adShare)
            : s;
    s.validate();
    return s;
  }

  private static int or(Integer v, int d) {
    return v == null ? d : v;
  }

  void validate() {
    if (users < 50
        || merchants < 5
        || wholeSite < 1
        || otherCampaigns < 0
        || activityPerDay < 0
        || ordersPerDay < 10
        || adEventsPerDay < 0) {
      throw Errors.usage(
          "scale " + this,
          "sizes are too small",
          "use at least 50 users, 5 merchants, 1 campaign and 10 orders a day");
    }
    if (merchants * 2L > users) {
      throw Errors.usage(
          "scale " + name,
          "more than one merchant per two users",
          "give --users at least twice --merchants");
    }
  }
}
