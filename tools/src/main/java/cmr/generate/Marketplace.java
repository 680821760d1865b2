package cmr.generate;

import cmr.loader.CoefficientsFormat;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated marketplace behind the data, built once from the seed and then read by every worker
 * thread: users (registration, buying and browsing propensity, WeChat adoption day, 88VIP spells),
 * merchants (power-law sizes, key accounts and SMEs, Tmall and Taobao, a category), their items and
 * prices, and the campaigns with their true response curves. Immutable after construction. Memory:
 * about 100 bytes per user and per item.
 */
final class Marketplace {
  static final String[] CATEGORIES = {
    "apparel",
    "beauty",
    "electronics",
    "home",
    "food",
    "baby",
    "sports",
    "books",
    "pets",
    "auto",
    "jewelry"
  };
  private static final double[] CATEGORY_SHARE = {
    0.22, 0.12, 0.10, 0.14, 0.12, 0.07, 0.07, 0.05, 0.05, 0.03, 0.03
  };

  /** Median item price per category, CNY. */
  private static final double[] CATEGORY_PRICE = {
    120, 160, 900, 150, 60, 130, 200, 45, 90, 250, 400
  };

  static final String[] CHANNELS = CoefficientsFormat.AD_CHANNELS.toArray(String[]::new);

  /** Typical ROI of a channel at its planned spend, and its typical cost per click (CNY). */
  private static final double[] CHANNEL_ROI = {5.0, 4.0, 6.0, 2.5, 3.5, 2.8, 3.2};

  private static final double[] CHANNEL_CPC = {1.8, 1.0, 0.9, 0.6, 1.5, 0.8, 1.2};
  private static final double NON_BUYERS = 0.35;

  final long seed;
  final int lateDays;
  final Scale scale;
  final int firstDay;
  final int lastDay;
  final int days;

  // users, ordered by registration day (those registered before the range first)
  final int users;

  /** Users registered before the first day (indices 0 .. initialUsers-1). */
  final int initialUsers;

  final String[] userIds;
  final int[] registeredDay;
  final double[] buyCum;
  final boolean[] buyer;
  final double[] browseCum;
  final Weights buyers;
  final Weights browsers;
  final int[] wechatDay;
  final int[] vipFrom;
  final int[] vipUntil;
  final short[] taoqi;

  /** Users registered by the end of range day d: a prefix of the user order. */
  final int[] registeredBy;

  // merchants, ordered by opening day
  final int merchants;
  final String[] merchantIds;
  final boolean[] tmall;
  final boolean[] keyAccount;
  final int[] merchantCategory;
  final int[] openDay;
  final double[] merchantCum;
  final Weights sellers;
  final int[] openBy;
  final String[][] itemIds;
  final int[][] itemCategory;
  final long[][] priceCents;

  /** Items 0 .. promoted[m]-1 of merchant m are promoted by a campaign (no organic orders). */
  final int[] promoted;

  final Campaign[] campaigns;

  /** Extra logged impressions per CPC click, tuned to the scale's ad events per day. */
  final double impressionsPerClick;

  final int[] organicOrders;
  final int[] activityEvents;

  Marketplace(Scale scale, LocalDate from, int days, long seed, int lateDays) {
    this.seed = seed;
    this.lateDays = lateDays;
    this.scale = scale;
    this.firstDay = (int) from.toEpochDay();
    this.days = days;
    this.lastDay = firstDay + days - 1;
    Rng r = Rng.of(seed, 1, 0, 0);

    // ---- users
    users = scale.users();
    int initial = days <= 1 ? users : (int) Math.round(users * 0.85);
    initialUsers = initial;
    userIds = new String[users];
    registeredDay = new int[users];
    buyCum = new double[users];
    buyer = new boolean[users];
    browseCum = new double[users];
    wechatDay = new int[users];
    vipFrom = new int[users];
    vipUntil = new int[users];
    taoqi = new short[users];
    registeredBy = new int[days];
    double[] perDay = new double[days];
    double sum = 0;
    for (int d = 0; d < days; d++) {
      perDay[d] = (1 + 0.004 * d) * (isDouble11(firstDay + d) ? 3 : 1);
      sum += perDay[d];
    }
    int u = 0;
    for (; u < initial; u++) {
      registeredDay[u] = firstDay - 1 - (int) (1800 * Math.pow(r.nextDouble(), 1.6));
    }
    double acc = 0;
    for (int d = 0; d < days; d++) {
      acc += perDay[d] / sum * (users - initial);
      int until = d == days - 1 ? users : Math.min(users, initial + (int) Math.round(acc));
      for (; u < until; u++) {
        registeredDay[u] = firstDay + d;
      }
      registeredBy[d] = u;
    }
    int wechatCenter = (int) LocalDate.of(2026, 12, 15).toEpochDay();
    double bsum = 0;
    double asum = 0;
    for (int i = 0; i < users; i++) {
      userIds[i] = Fmt.pad("u", i + 1, 7);
      // About a third of users only browse (tier U unless 88VIP); buyers have power-law appetite.
      boolean buys = !r.chance(NON_BUYERS);
      double w = Math.min(300, Math.pow(1 - r.nextDouble(), -1 / 1.3));
      buyer[i] = buys;
      bsum += buys ? w : 0;
      buyCum[i] = bsum;
      asum += Math.sqrt(w) * r.noise(0.6);
      browseCum[i] = asum;
      double q = Math.min(0.999, Math.max(0.001, r.nextDouble()));
      wechatDay[i] =
          Math.max(registeredDay[i], wechatCenter + (int) Math.round(90 * Math.log(q / (1 - q))));
      taoqi[i] = (short) Math.max(0, Math.min(990, 300 + 90 * Math.log(w) + 70 * r.gaussian()));
      vipFrom[i] = Integer.MAX_VALUE;
      vipUntil[i] = Integer.MAX_VALUE;
      double pVip = 0.04 + 0.25 * Math.min(1, w / 25);
      if (registeredDay[i] < firstDay && r.chance(pVip)) {
        vipFrom[i] = registeredDay[i] + r.nextInt(Math.max(1, firstDay - registeredDay[i]));
        if (days > 2 && r.chance(0.12)) {
          vipUntil[i] = firstDay + 1 + r.nextInt(days - 1);
        }
      } else if (days > 2 && r.chance(0.02 + pVip / 4)) {
        vipFrom[i] = Math.max(registeredDay[i], firstDay) + 1 + r.nextInt(days - 1);
        if (r.chance(0.1)) {
          vipUntil[i] = vipFrom[i] + 5 + r.nextInt(20);
        }
      }
    }

    buyers = new Weights(buyCum);
    browsers = new Weights(browseCum);

    // ---- merchants and items
    merchants = scale.merchants();
    int initialMerchants = days < 5 ? merchants : (int) Math.round(merchants * 0.96);
    merchantIds = new String[merchants];
    tmall = new boolean[merchants];
    keyAccount = new boolean[merchants];
    merchantCategory = new int[merchants];
    openDay = new int[merchants];
    merchantCum = new double[merchants];
    openBy = new int[days];
    itemIds = new String[merchants][];
    itemCategory = new int[merchants][];
    priceCents = new long[merchants][];
    promoted = new int[merchants];
    double[] catCum = cumulative(CATEGORY_SHARE);
    double msum = 0;
    for (int m = 0; m < merchants; m++) {
      merchantIds[m] = Fmt.pad("m", m + 1, 5);
      double w = Math.min(2000, Math.pow(1 - r.nextDouble(), -1 / 1.15));
      msum += w;
      merchantCum[m] = msum;
      keyAccount[m] = w > 13 || r.chance(0.01);
      tmall[m] = r.chance(keyAccount[m] ? 0.8 : 0.2);
      merchantCategory[m] = r.pick(catCum, catCum.length);
      openDay[m] =
          m < initialMerchants
              ? firstDay - 1 - r.nextInt(2000)
              : firstDay
                  + 1
                  + (int)
                      ((long) (m - initialMerchants) * (days - 1) / (merchants - initialMerchants));
      int n = 3 + (int) Math.min(57, w * 2);
      itemIds[m] = new String[n];
      itemCategory[m] = new int[n];
      priceCents[m] = new long[n];
      for (int k = 0; k < n; k++) {
        itemIds[m][k] = merchantIds[m] + "-i" + k;
        itemCategory[m][k] = r.chance(0.9) ? merchantCategory[m] : r.pick(catCum, catCum.length);
        double price = CATEGORY_PRICE[itemCategory[m][k]] * r.noise(0.6);
        priceCents[m][k] = Math.max(100, Math.round(price) * 100 - (r.chance(0.6) ? 10 : 0));
      }
    }
    sellers = new Weights(merchantCum);
    for (int d = 0, m = 0; d < days; d++) {
      while (m < merchants && openDay[m] <= firstDay + d) {
        m++;
      }
      openBy[d] = m;
    }

    // ---- campaigns
    List<Campaign> list = new ArrayList<>();
    for (int k = 0; k < scale.wholeSite(); k++) {
      list.add(wholeSite(k, r, initialMerchants));
    }
    calibrateWholeSite(list);
    double wholeSitePlan = 0;
    for (Campaign c : list) {
      for (double s : c.planSpend) {
        wholeSitePlan += s;
      }
    }
    for (int k = 0; k < scale.otherCampaigns(); k++) {
      list.add(
          other(
              scale.wholeSite() + k,
              r,
              initialMerchants,
              0.35 * wholeSitePlan / Math.max(1, scale.otherCampaigns())));
    }
    campaigns = list.toArray(new Campaign[0]);
    impressionsPerClick = tuneImpressions();

    organicOrders = new int[days];
    activityEvents = new int[days];
    for (int d = 0; d < days; d++) {
      organicOrders[d] =
          (int)
              Math.round(scale.ordersPerDay() * (1 - scale.adShare()) * orderFactor(firstDay + d));
      activityEvents[d] = (int) Math.round(scale.activityPerDay() * activityFactor(firstDay + d));
    }
  }

  private int pickMerchantForCampaign(Rng r, int initialMerchants) {
    for (int tries = 0; ; tries++) {
      int m = r.pick(merchantCum, initialMerchants);
      if (promoted[m] + 2 < itemIds[m].length || tries > 1000) {
        return m;
      }
    }
  }

  private Campaign wholeSite(int k, Rng r, int initialMerchants) {
    int m = pickMerchantForCampaign(r, initialMerchants);
    int item = promoted[m]++;
    // A promoted item sells at an everyday price, so clicks convert.
    priceCents[m][item] = Math.max(2990, Math.min(59990, priceCents[m][item]));
    Campaign c = new Campaign(k, Fmt.pad("c", k + 1, 5), Campaign.WHOLE_SITE, m, item);
    int n = 4 + r.nextInt(4);
    int[] order = {0, 1, 2, 3, 4, 5, 6};
    for (int i = 6; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    c.channels = java.util.Arrays.copyOf(order, n);
    java.util.Arrays.sort(c.channels);
    c.planSpend = new double[n];
    c.gmax = new double[n];
    c.halfSaturation = new double[n];
    c.hill = new double[n];
    c.cpc = new double[n];
    double size = Math.min(4.0, Math.pow(1 - r.nextDouble(), -1 / 1.5)) * r.noise(0.3);
    double campaignRoi = r.noise(0.2);
    for (int i = 0; i < n; i++) {
      int ch = c.channels[i];
      c.planSpend[i] = size * r.uniform(0.3, 1.0);
      // ROI at planned spend; stored temporarily in gmax until calibration sets the scale.
      c.gmax[i] = CHANNEL_ROI[ch] * r.noise(0.35) * campaignRoi;
      c.halfSaturation[i] = r.uniform(0.5, 1.6);
      c.hill[i] = r.uniform(0.8, 2.0);
      c.cpc[i] = CHANNEL_CPC[ch] * r.noise(0.3);
    }
    double kind = r.nextDouble();
    if (days < 4 || kind < 0.5) {
      c.startDay = firstDay - 1 - r.nextInt(60);
    } else if (kind < 0.8) {
      c.startDay = firstDay + r.nextInt(Math.min(7, days));
    } else {
      c.startDay = firstDay + (int) (days * r.uniform(0.5, 0.85));
    }
    c.createDay = Math.max(firstDay, c.startDay - r.nextInt(4));
    if (r.chance(0.1)) {
      int end = Math.max(c.startDay, firstDay) + 14 + r.nextInt(17);
      if (end < lastDay) {
        c.endDay = end;
        c.endAnnounceDay = Math.max(c.createDay, end - 3 - r.nextInt(8));
      }
    }
    c.targetRoi = r.nextDouble(); // decided after calibration
    return c;
  }

  /**
   * Scales planned spends so that whole-site promotion brings about {@code adShare} of the pay
   * events, then fixes each channel's Hill curve through (plan, roi * plan), the budget, and the
   * target ROI (most campaigns can meet it, about one in six cannot, a few ask more than 15).
   */
  private void calibrateWholeSite(List<Campaign> list) {
    double ordersPerUnit = 0;
    for (Campaign c : list) {
      double price = priceCents[c.merchant][c.item] / 100.0;
      for (int i = 0; i < c.channels.length; i++) {
        ordersPerUnit += c.planSpend[i] * c.gmax[i] / price;
      }
    }
    double factor = scale.adShare() * scale.ordersPerDay() / Math.max(1e-9, ordersPerUnit);
    for (Campaign c : list) {
      double plan = 0;
      double gmv = 0;
      for (int i = 0; i < c.channels.length; i++) {
        double p = c.planSpend[i] * factor;
        double roi = c.gmax[i];
        double k = c.halfSaturation[i] * p;
        double h = c.hill[i];
        c.planSpend[i] = p;
        c.halfSaturation[i] = k;
        c.gmax[i] = roi * p * (Math.pow(k, h) + Math.pow(p, h)) / Math.pow(p, h);
        plan += p;
        gmv += roi * p;
      }
      c.budgetCents = Math.max(5000, (long) Math.ceil(plan / 0.85 / 10) * 1000);
      double roiAtPlan = gmv / plan;
      double pick = c.targetRoi;
      double target;
      if (pick < 0.03) {
        target = 18.0;
      } else if (pick < 0.20) {
        target = roiAtPlan * (1.0 + (pick - 0.03) / 0.17 * 0.2);
      } else {
        target = roiAtPlan * (0.55 + (pick - 0.2) / 0.8 * 0.3);
      }
      c.targetRoi = Math.max(0.5, Math.round(target * 100) / 100.0);
    }
  }

  private Campaign other(int k, Rng r, int initialMerchants, double meanSpend) {
    int m = pickMerchantForCampaign(r, initialMerchants);
    int item = promoted[m]++;
    String[] types = {"search_cpc", "display_cpm", "feed_cpc"};
    String type = types[k % 3];
    Campaign c = new Campaign(k, Fmt.pad("c", k + 1, 5), type, m, item);
    int ch =
        switch (type) {
          case "search_cpc" -> 0;
          case "display_cpm" -> 3;
          default -> r.chance(0.5) ? 1 : 2;
        };
    c.channels = new int[] {ch};
    // Display is bought per impression (CPM), so a little spend logs many events.
    double spend =
        meanSpend
            * Math.min(4.0, Math.pow(1 - r.nextDouble(), -1 / 1.5))
            / 1.6
            * (type.equals("display_cpm") ? 0.15 : 1.0);
    c.planSpend = new double[] {spend};
    c.cpc =
        new double[] {
          type.equals("display_cpm") ? r.uniform(0.02, 0.06) : CHANNEL_CPC[ch] * r.noise(0.3)
        };
    c.linearRoi = r.uniform(1.5, 5.0);
    c.budgetCents = Math.max(3000, (long) Math.ceil(spend / 0.8 / 10) * 1000);
    c.startDay =
        days < 4 || r.chance(0.7) ? firstDay - 1 - r.nextInt(90) : firstDay + r.nextInt(days);
    c.createDay = Math.max(firstDay, c.startDay - r.nextInt(3));
    return c;
  }

  private double tuneImpressions() {
    double cpcClicks = 0;
    double cpmEvents = 0;
    for (Campaign c : campaigns) {
      for (int i = 0; i < c.channels.length; i++) {
        if (c.type.equals("display_cpm")) {
          cpmEvents += c.planSpend[i] * 0.75 / c.cpc[i] * 1.04;
        } else {
          cpcClicks += c.planSpend[i] * (c.wholeSite() ? 1.0 : 0.75) / c.cpc[i];
        }
      }
    }
    if (cpcClicks <= 0) {
      return 0;
    }
    return Math.max(0, (scale.adEventsPerDay() - cpmEvents) / cpcClicks - 2);
  }

  static boolean isDouble11(int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    return d.getMonth() == Month.NOVEMBER && d.getDayOfMonth() == 11;
  }

  /** Pay events relative to an ordinary day: weekends, the Double 11 pre-sale and the day. */
  static double orderFactor(int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    double f = d.getDayOfWeek().getValue() >= 6 ? 1.08 : 1.0;
    int md = d.getMonthValue() * 100 + d.getDayOfMonth();
    if (md == 1111) {
      f *= 5.0;
    } else if (md == 1110) {
      f *= 1.3;
    } else if (md == 1112) {
      f *= 1.5;
    } else if (md == 1101) {
      f *= 1.8;
    } else if (md >= 1020 && md <= 1109) {
      f *= 1.1;
    }
    return f;
  }

  static double activityFactor(int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    double f = d.getDayOfWeek().getValue() >= 6 ? 1.1 : 1.0;
    int md = d.getMonthValue() * 100 + d.getDayOfMonth();
    if (md == 1111) {
      f *= 2.2;
    } else if (md == 1110 || md == 1112 || md == 1101) {
      f *= 1.3;
    }
    return f;
  }

  boolean vip(int user, int day) {
    return day >= vipFrom[user] && day < vipUntil[user];
  }

  int dayIndex(int day) {
    return day - firstDay;
  }

  static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s;
    }
    return c;
  }
}
