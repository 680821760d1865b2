package cmr.generate;

/**
 * One generated campaign and, for whole-site promotion, its true response curve per channel:
 * expected attributed GMV per day of spending {@code s} CNY is {@code gmax * s^hill /
 * (halfSaturation^hill + s^hill)} (a Hill curve, not a power law). Days are epoch days; {@code
 * endDay} is {@link Integer#MAX_VALUE} when open-ended.
 */
final class Campaign {
  static final String WHOLE_SITE = "quanzhantui";

  final int index;
  final String id;
  final String type;
  final int merchant;
  final int item;
  long budgetCents;

  /** Target ROI for whole-site promotion, NaN otherwise. */
  double targetRoi = Double.NaN;

  int startDay;
  int endDay = Integer.MAX_VALUE;

  /** The day the campaign first appears in a campaigns snapshot. */
  int createDay;

  /** The day its end date is announced (first shown in a snapshot). */
  int endAnnounceDay = Integer.MAX_VALUE;

  /** Channels it spends in (indices into {@link Marketplace#CHANNELS}). */
  int[] channels;

  /** Planned spend per channel, CNY per day (the day's spend varies around it). */
  double[] planSpend;

  double[] gmax;
  double[] halfSaturation;
  double[] hill;

  /** Average cost per click (or per impression for display_cpm), CNY, per channel. */
  double[] cpc;

  /** GMV per CNY of spend for the non-whole-site campaigns (a flat response). */
  double linearRoi;

  Campaign(int index, String id, String type, int merchant, int item) {
    this.index = index;
    this.id = id;
    this.type = type;
    this.merchant = merchant;
    this.item = item;
  }

  boolean wholeSite() {
    return WHOLE_SITE.equals(type);
  }

  /** The true expected attributed GMV of spending {@code spend} CNY in channel slot {@code c}. */
  double response(int c, double spend) {
    if (spend <= 0) {
      return 0;
    }
    double sh = Math.pow(spend, hill[c]);
    return gmax[c] * sh / (Math.pow(halfSaturation[c], hill[c]) + sh);
  }

  boolean runsOn(int day) {
    return day >= startDay && day <= endDay;
  }
}
