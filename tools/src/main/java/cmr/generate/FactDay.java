package cmr.generate;

import java.nio.file.Path;

/**
 * Generates the events of one day (user activity, ad impressions and clicks with the orders they
 * lead to, organic orders, refunds of earlier orders) and writes them to the landing folders of the
 * days they arrive on, with late arrivals, exact re-sends and injected invalid rows. Every random
 * choice comes from streams keyed by (seed, day, ...), so the output does not depend on thread
 * scheduling. Cost: linear in the day's events.
 */
final class FactDay {
  static final double P_LATE = 0.03;
  static final double P_DUP_SAME_DAY = 0.003;
  static final double P_RESEND_LATER = 0.002;
  private static final String[] EVENT_TYPES = {"launch", "search", "view", "fav", "cart", "share"};
  private static final double[] EVENT_CUM =
      Marketplace.cumulative(new double[] {0.15, 0.20, 0.45, 0.07, 0.08, 0.05});
  private static final String[] SOURCES = {"app", "alipay", "xiaohongshu", "weibo", "other"};
  private static final double[] SOURCE_CUM =
      Marketplace.cumulative(new double[] {0.80, 0.07, 0.05, 0.03, 0.05});
  private static final long[] STRIDES = {7919, 104729, 1299709, 15485863, 179424673};
  private static final String ZERO = "0.00";

  private final Marketplace w;
  private final Fmt fmt;
  private final int day;
  private final int di;
  private final Counts counts;
  private final Rng rng;
  private final DirtyRows dirty;
  private final double dirtyRate;
  private final DayFiles files;
  private final String stamp;
  private long adSeq;
  private long paySeq;
  private int[] clickUser = new int[1024];
  private int[] buyerClicks = new int[1024];
  private int[] clickSec = new int[1024];

  FactDay(Path landing, Marketplace w, Fmt fmt, int day, Counts counts, double dirtyRate) {
    this.w = w;
    this.fmt = fmt;
    this.day = day;
    this.di = w.dayIndex(day);
    this.counts = counts;
    this.rng = Rng.of(w.seed, 2, day, 0);
    this.dirty = new DirtyRows(fmt, w.lateDays);
    this.dirtyRate = dirtyRate;
    this.files = new DayFiles(landing, w, fmt, day, counts);
    this.stamp = fmt.date(day).replace("-", "");
  }

  void run() {
    try (files) {
      activity();
      ads();
      organicOrders();
      refunds();
    }
  }

  // ---------------------------------------------------------------- user activity

  private void activity() {
    long expected = w.activityEvents[di];
    int registered = w.registeredBy[di];
    int fresh = di == 0 ? w.initialUsers : w.registeredBy[di - 1];
    String prefix = "ua" + stamp + "-";
    long seq = 0;
    for (int u = fresh; u < registered; u++) {
      String source =
          day >= w.wechatDay[u] && rng.chance(0.6)
              ? "wechat"
              : SOURCES[rng.pick(SOURCE_CUM, SOURCE_CUM.length)];
      int sec = Clock.second(rng, false);
      emit(
          Source.USER_ACTIVITY,
          day,
          sec,
          new String[] {prefix + seq++, w.userIds[u], "launch", source, null, null, time(day, sec)},
          lag(),
          expected);
    }
    int openMerchants = w.openBy[di];
    for (long n = w.activityEvents[di]; seq < n; ) {
      int u = w.browsers.pick(rng, registered);
      int type = rng.pick(EVENT_CUM, EVENT_CUM.length);
      String source =
          day >= w.wechatDay[u] && rng.chance(0.35)
              ? "wechat"
              : SOURCES[rng.pick(SOURCE_CUM, SOURCE_CUM.length)];
      String item = null;
      String category = null;
      if (type >= 2) {
        int m = w.sellers.pick(rng, openMerchants);
        int k = rng.nextInt(w.itemIds[m].length);
        item = w.itemIds[m][k];
        category = Marketplace.CATEGORIES[w.itemCategory[m][k]];
      } else if (type == 1 && rng.chance(0.6)) {
        category = Marketplace.CATEGORIES[rng.nextInt(Marketplace.CATEGORIES.length)];
      }
      int sec = Clock.second(rng, false);
      emit(
          Source.USER_ACTIVITY,
          day,
          sec,
          new String[] {
            prefix + seq++, w.userIds[u], EVENT_TYPES[type], source, item, category, time(day, sec)
          },
          lag(),
          expected);
    }
  }

  // ---------------------------------------------------------------- ads and attributed orders

  private void ads() {
    boolean d11 = Marketplace.isDouble11(day);
    for (Campaign c : w.campaigns) {
      if (!c.runsOn(day)) {
        continue;
      }
      Rng cr = Rng.of(w.seed, 3, c.index, day);
      if (cr.chance(0.02)) {
        continue; // paused for the day
      }
      int registered = w.registeredBy[di];
      long stride = 1;
      for (long s : STRIDES) {
        if (registered % s != 0) {
          stride = s;
          break;
        }
      }
      long[] cursor = {cr.nextInt(registered), stride};
      if (c.wholeSite()) {
        double[] spend = new double[c.channels.length];
        double total = 0;
        for (int i = 0; i < spend.length; i++) {
          spend[i] = c.planSpend[i] * cr.uniform(0.6, 1.4) * (d11 ? 1.25 : 1.0);
          total += spend[i];
        }
        double cap = c.budgetCents / 100.0;
        double scale = total > cap ? cap / total : 1.0;
        for (int i = 0; i < spend.length; i++) {
          long cents = Math.round(spend[i] * scale * 100);
          double gmv = c.response(i, cents / 100.0) * cr.noise(0.25);
          channelDay(c, i, cents, gmv, cr, cursor);
        }
      } else {
        double spend = Math.min(c.budgetCents / 100.0, c.planSpend[0] * cr.uniform(0.5, 1.0));
        long cents = Math.round(spend * 100);
        channelDay(c, 0, cents, cents / 100.0 * c.linearRoi * cr.noise(0.3), cr, cursor);
      }
    }
  }

  /**
   * One (campaign, channel, day): charged clicks (or charged impressions for display_cpm) that add
   * up to exactly {@code spendCents}, logged impressions, and pay events by clicking users on the
   * campaign's item, a little after their click, adding up to about {@code gmv} CNY.
   */
  private void channelDay(
      Campaign c, int slot, long spendCents, double gmv, Rng cr, long[] cursor) {
    if (spendCents <= 0) {
      return;
    }
    long expected = w.scale.adEventsPerDay();
    String channel = Marketplace.CHANNELS[c.channels[slot]];
    String merchant = w.merchantIds[c.merchant];
    String item = w.itemIds[c.merchant][c.item];
    String prefix = "ad" + stamp + "-";
    int registered = w.registeredBy[di];
    boolean cpm = c.type.equals("display_cpm");
    double unit = c.cpc[slot] * 100;
    int clicks = 0;
    long left = spendCents;
    // Units sold are drawn first, so that the day's last click can go to a buyer if no earlier
    // clicking user buys: the expected GMV of the day is then exactly gmv (see conversions).
    int units = units(gmv, w.priceCents[c.merchant][c.item], cr);
    boolean buyerSeen = false;
    if (cpm) {
      long impressions = 0;
      while (left > 0) {
        long cost = Math.min(left, Math.max(1, Math.round(unit * cr.uniform(0.5, 1.5))));
        left -= cost;
        int sec = Clock.second(cr, false);
        emit(
            Source.AD_EVENTS,
            day,
            sec,
            new String[] {
              prefix + adSeq++,
              "impression",
              c.id,
              merchant,
              item,
              channel,
              w.userIds[cr.nextInt(registered)],
              Fmt.money(cost),
              time(day, sec)
            },
            lag(),
            expected);
        impressions++;
      }
      long n = Math.max(1, Math.round(impressions * 0.04));
      for (long j = 0; j < n; j++) {
        int u = nextUser(cursor, registered);
        if (j == n - 1 && units > 0 && !buyerSeen) {
          u = nextBuyer(u, cursor, registered);
        }
        buyerSeen |= w.buyer[u];
        int sec = Clock.second(cr, false);
        addClick(clicks++, u, sec);
        emit(
            Source.AD_EVENTS,
            day,
            sec,
            new String[] {
              prefix + adSeq++,
              "click",
              c.id,
              merchant,
              item,
              channel,
              w.userIds[u],
              ZERO,
              time(day, sec)
            },
            lag(),
            expected);
      }
    } else {
      while (left > 0) {
        long cost = Math.min(left, Math.max(1, Math.round(unit * cr.uniform(0.5, 1.5))));
        left -= cost;
        int u = nextUser(cursor, registered);
        if (left == 0 && units > 0 && !buyerSeen) {
          u = nextBuyer(u, cursor, registered);
        }
        buyerSeen |= w.buyer[u];
        int sec = Clock.second(cr, false);
        int seen = Math.max(0, sec - 1 - cr.nextInt(30));
        emit(
            Source.AD_EVENTS,
            day,
            seen,
            new String[] {
              prefix + adSeq++,
              "impression",
              c.id,
              merchant,
              item,
              channel,
              w.userIds[u],
              ZERO,
              time(day, seen)
            },
            lag(),
            expected);
        addClick(clicks++, u, sec);
        emit(
            Source.AD_EVENTS,
            day,
            sec,
            new String[] {
              prefix + adSeq++,
              "click",
              c.id,
              merchant,
              item,
              channel,
              w.userIds[u],
              Fmt.money(cost),
              time(day, sec)
            },
            lag(),
            expected);
      }
      long extra = Math.round(clicks * w.impressionsPerClick * cr.uniform(0.8, 1.2));
      for (long j = 0; j < extra; j++) {
        int sec = Clock.second(cr, false);
        emit(
            Source.AD_EVENTS,
            day,
            sec,
            new String[] {
              prefix + adSeq++,
              "impression",
              c.id,
              merchant,
              item,
              channel,
              w.userIds[cr.nextInt(registered)],
              ZERO,
              time(day, sec)
            },
            lag(),
            expected);
      }
    }
    conversions(c, clicks, units, cr);
  }

  /**
   * Whole units of the item sold for an expected GMV of {@code gmv} CNY: {@code floor(x)} plus one
   * more with probability {@code x - floor(x)}, {@code x = gmv / price}, so that the expected GMV
   * of the units is exactly {@code gmv} (an unbiased realisation of the curve, also when the GMV is
   * below one price).
   */
  static int units(double gmv, long priceCents, Rng cr) {
    if (!(gmv > 0) || priceCents <= 0) {
      return 0;
    }
    double x = gmv * 100 / priceCents;
    double whole = Math.floor(x);
    return (int) whole + (cr.chance(x - whole) ? 1 : 0);
  }

  /**
   * Pay events for {@code units} units of the campaign's item, each order by a distinct clicking
   * user who buys (users who only browse never pay), 30 s to 12 h after their click (4%: 1-10 days
   * later). All units are sold: {@code channelDay} makes sure a buyer clicked when units are due.
   * An order has quantity 1, sometimes 2, more only when there are more units than clicking buyers.
   */
  private void conversions(Campaign c, int clicks, int units, Rng cr) {
    if (clicks == 0 || units <= 0) {
      return;
    }
    if (buyerClicks.length < clicks) {
      buyerClicks = new int[Math.max(clicks, buyerClicks.length * 2)];
    }
    int nb = 0;
    for (int j = 0; j < clicks; j++) {
      if (w.buyer[clickUser[j]]) {
        buyerClicks[nb++] = j;
      }
    }
    if (nb == 0) {
      return; // only in a market without any buyer (nextBuyer found none)
    }
    long price = w.priceCents[c.merchant][c.item];
    int start = cr.nextInt(nb);
    String category = Marketplace.CATEGORIES[w.itemCategory[c.merchant][c.item]];
    for (int t = 0; t < nb && units > 0; t++) {
      int j = buyerClicks[(start + t) % nb];
      int left = nb - t;
      int qty = units > left ? (units + left - 1) / left : (units >= 3 && cr.chance(0.1) ? 2 : 1);
      units -= qty;
      long amount = price * qty;
      long delay =
          cr.chance(0.96)
              ? 30 + (long) Math.min(43_200, Math.exp(Math.log(1200) + 1.3 * cr.gaussian()))
              : 86_400L * cr.between(1, 10) + cr.nextInt(86_400);
      long at = clickSec[j] + delay;
      int payDay = day + (int) (at / 86_400);
      int sec = (int) (at % 86_400);
      String id = stamp + "-a" + paySeq++;
      int u = clickUser[j];
      emit(
          Source.ORDERS,
          payDay,
          sec,
          new String[] {
            "op" + id,
            "pay",
            "o" + id,
            w.userIds[u],
            w.merchantIds[c.merchant],
            w.itemIds[c.merchant][c.item],
            category,
            Integer.toString(qty),
            Fmt.money(amount),
            payMethod(u, payDay, cr),
            time(payDay, sec, cr)
          },
          lag(),
          w.scale.ordersPerDay());
    }
  }

  /** {@code u} if it buys, else the next users of the day's sequence until one buys. */
  private int nextBuyer(int u, long[] cursor, int registered) {
    for (int tries = 0; !w.buyer[u] && tries < registered; tries++) {
      u = nextUser(cursor, registered);
    }
    return u;
  }

  private int nextUser(long[] cursor, int registered) {
    int u = (int) (cursor[0] % registered);
    cursor[0] = (cursor[0] + cursor[1]) % registered;
    return u;
  }

  private void addClick(int j, int user, int sec) {
    if (j == clickUser.length) {
      clickUser = java.util.Arrays.copyOf(clickUser, j * 2);
      clickSec = java.util.Arrays.copyOf(clickSec, j * 2);
    }
    clickUser[j] = user;
    clickSec[j] = sec;
  }

  // ---------------------------------------------------------------- organic orders and refunds

  /** An organic pay event, a pure function of (seed, day, index) so refunds can recreate it. */
  record Organic(
      int user,
      int merchant,
      int item,
      int qty,
      long amountCents,
      String payMethod,
      int sec,
      int millis,
      boolean zulu,
      int lag) {}

  static Organic organic(Marketplace w, int day, int j) {
    Rng o = Rng.of(w.seed, 4, day, j);
    int sec = Clock.second(o, Marketplace.isDouble11(day));
    int millis = o.chance(0.35) ? o.nextInt(1000) : -1;
    boolean zulu = o.chance(0.4);
    int d = w.dayIndex(day);
    int user = w.buyers.pick(o, w.registeredBy[d]);
    int m = w.sellers.pick(o, w.openBy[d]);
    int n = w.itemIds[m].length;
    int item = w.promoted[m] >= n ? n - 1 : w.promoted[m] + o.nextInt(n - w.promoted[m]);
    int qty = o.chance(0.85) ? 1 : o.between(2, 4);
    long amount = w.priceCents[m][item] * qty;
    if (o.chance(0.25)) {
      amount = Math.max(1, Math.round(amount * o.uniform(0.7, 0.95)));
    }
    String method = payMethod(w, user, day, o);
    int lag = o.chance(P_LATE) && w.lateDays > 0 ? o.between(1, w.lateDays) : 0;
    return new Organic(user, m, item, qty, amount, method, sec, millis, zulu, lag);
  }

  private void organicOrders() {
    int n = w.organicOrders[di];
    String prefix = stamp + "-";
    for (int j = 0; j < n; j++) {
      Organic o = organic(w, day, j);
      String id = prefix + j;
      emit(
          Source.ORDERS,
          day,
          o.sec(),
          new String[] {
            "op" + id,
            "pay",
            "o" + id,
            w.userIds[o.user()],
            w.merchantIds[o.merchant()],
            w.itemIds[o.merchant()][o.item()],
            Marketplace.CATEGORIES[w.itemCategory[o.merchant()][o.item()]],
            Integer.toString(o.qty()),
            Fmt.money(o.amountCents()),
            o.payMethod(),
            fmt.time(day, o.sec(), o.millis(), o.zulu())
          },
          o.lag(),
          w.scale.ordersPerDay());
    }
  }

  /** Refunds of earlier organic orders (lag mostly days, sometimes weeks: some cross a month). */
  private void refunds() {
    long n = Math.round(0.05 * w.scale.ordersPerDay() * (1 - w.scale.adShare()));
    for (int k = 0; k < n; k++) {
      Rng f = Rng.of(w.seed, 5, day, k);
      int back = 1 + (int) Math.min(44, -Math.log(1 - f.nextDouble()) * 7);
      int paid = day - back;
      if (paid < w.firstDay || w.organicOrders[w.dayIndex(paid)] == 0) {
        continue;
      }
      int j = f.nextInt(w.organicOrders[w.dayIndex(paid)]);
      Organic o = organic(w, paid, j);
      if (paid + o.lag() > day) {
        continue; // the pay has not arrived yet
      }
      long amount =
          f.chance(0.75)
              ? o.amountCents()
              : Math.max(1, Math.round(o.amountCents() * f.uniform(0.2, 0.9)));
      int sec = Clock.second(f, false);
      String oid = "o" + fmt.date(paid).replace("-", "") + "-" + j;
      emit(
          Source.ORDERS,
          day,
          sec,
          new String[] {
            "rf" + stamp + "-" + k,
            "refund",
            oid,
            w.userIds[o.user()],
            w.merchantIds[o.merchant()],
            w.itemIds[o.merchant()][o.item()],
            Marketplace.CATEGORIES[w.itemCategory[o.merchant()][o.item()]],
            null,
            Fmt.money(amount),
            null,
            time(day, sec, f)
          },
          lag(),
          w.scale.ordersPerDay());
    }
  }

  static String payMethod(Marketplace w, int user, int day, Rng r) {
    if (day >= w.wechatDay[user] && r.chance(0.3)) {
      return "wechat_pay";
    }
    double x = r.nextDouble();
    return x < 0.86 ? "alipay" : x < 0.95 ? "bank_card" : x < 0.97 ? "wechat_pay" : "other";
  }

  private String payMethod(int user, int payDay, Rng r) {
    return payMethod(w, user, payDay, r);
  }

  // ---------------------------------------------------------------- writing

  private int lag() {
    return rng.chance(P_LATE) && w.lateDays > 0 ? rng.between(1, w.lateDays) : 0;
  }

  private String time(int d, int sec) {
    return time(d, sec, rng);
  }

  private String time(int d, int sec, Rng r) {
    return fmt.time(d, sec, r.chance(0.35) ? r.nextInt(1000) : -1, r.chance(0.4));
  }

  /**
   * Writes a valid event dated {@code eventDay} arriving {@code lag} days later (not written if
   * that is after the last day), maybe an exact copy the same day or a re-send on a later day
   * within the late window, and maybe an invalid copy (only into the worker's own day).
   */
  private void emit(Source s, int eventDay, int sec, String[] row, int lag, long expected) {
    int arrival = eventDay + lag;
    if (arrival > w.lastDay) {
      counts.inc(s, di, Counts.NOT_ARRIVED);
      return;
    }
    int ai = w.dayIndex(arrival);
    files.sink(s, arrival, expected).write(row);
    counts.inc(s, ai, Counts.ROWS);
    if (lag > 0) {
      counts.inc(s, ai, Counts.LATE_VALID);
    }
    if (rng.chance(P_DUP_SAME_DAY)) {
      files.sink(s, arrival, expected).write(row);
      counts.inc(s, ai, Counts.ROWS);
      counts.inc(s, ai, Counts.DUP_SAME_DAY);
    }
    int room = w.lateDays - (arrival - eventDay);
    if (room > 0 && rng.chance(P_RESEND_LATER)) {
      int again = arrival + 1 + rng.nextInt(room);
      if (again <= w.lastDay) {
        files.sink(s, again, expected).write(row);
        counts.inc(s, w.dayIndex(again), Counts.ROWS);
        counts.inc(s, w.dayIndex(again), Counts.DUP_LATER_DAY);
      }
    }
    if (arrival == day && rng.chance(dirtyRate)) {
      Reason reason = dirty.pick(s, row, rng);
      RowSink json = reason == Reason.UNPARSEABLE ? files.mainJson(s, expected) : null;
      if (json != null) {
        json.writeRaw(dirty.unparseable(row, rng));
      } else {
        reason = reason == Reason.UNPARSEABLE ? Reason.MISSING_FIELD : reason;
        files.main(s, expected).write(dirty.copy(s, row, reason, eventDay, sec, arrival, rng));
      }
      counts.reject(s, di, reason);
    }
  }
}
