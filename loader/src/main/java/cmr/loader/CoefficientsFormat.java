package cmr.loader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The published file layout (SPEC §4): names, headers, and how numbers are written and read. */
public final class CoefficientsFormat {
  public static final String LATEST = "LATEST";
  public static final String CHANNELS = "channels.csv";
  public static final String CAMPAIGNS = "campaigns.csv";
  public static final String MANIFEST = "manifest.json";
  public static final List<String> FILES = List.of(CHANNELS, CAMPAIGNS);

  public static final List<String> CHANNEL_HEADER =
      List.of("campaign_id", "channel", "weight", "spend_plan", "alpha", "beta", "days_observed");
  public static final List<String> CAMPAIGN_HEADER =
      List.of(
          "campaign_id",
          "merchant_id",
          "budget",
          "target_roi",
          "bid_multiplier",
          "expected_spend",
          "expected_gmv",
          "expected_roi",
          "status");

  public static final Set<String> STATUSES = Set.of("ok", "cold_start", "no_history");

  /**
   * The ad channels of SPEC §1, in its order: the one list of them (ingestion's validation, the
   * training SQL, the generator and the evaluation all bind this one).
   */
  public static final List<String> AD_CHANNELS =
      List.of(
          "search",
          "homepage_feed",
          "purchase_feed",
          "display",
          "live",
          "offsite_wechat",
          "offsite_xiaohongshu");

  public static final Set<String> CHANNELS_ALLOWED = Set.copyOf(AD_CHANNELS);

  /** Version folder names: {@code v} + UTC timestamp to the millisecond + run date; they sort. */
  public static final Pattern VERSION = Pattern.compile("v\\d{8}T\\d{9}Z-\\d{4}-\\d{2}-\\d{2}");

  /**
   * Plain non-negative decimals, bounded but wide enough for every finite double that {@link
   * #number} writes (up to 309 integer digits; a subnormal has 340 fraction digits).
   */
  private static final Pattern NUMBER = Pattern.compile("\\d{1,309}(\\.\\d{1,400})?");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private CoefficientsFormat() {}

  /**
   * A non-negative finite double in plain notation (no exponent) that reads back as exactly the
   * same double ({@link BigDecimal#valueOf}: the digits of {@link Double#toString}).
   */
  public static String number(double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException("not a finite non-negative number: " + v);
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** Money: 2 decimals. */
  public static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static double parseNumber(String s, String where) {
    if (!NUMBER.matcher(s).matches()) {
      throw new CoefficientsException(
          "finite_non_negative", where + ": '" + s + "' is not a plain non-negative decimal");
    }
    return Double.parseDouble(s);
  }

  static int parseInt(String s, String where) {
    if (!s.matches("\\d{1,9}")) {
      throw new CoefficientsException("format", where + ": '" + s + "' is not a count");
    }
    return Integer.parseInt(s);
  }

  static String parseId(String s, String where) {
    if (!ID.matcher(s).matches()) {
      throw new CoefficientsException("format", where + ": '" + s + "' is not a valid id");
    }
    return s;
  }
}
