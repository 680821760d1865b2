package cmr.generate;

/**
 * Makes one invalid copy of a valid fact row, with exactly one defect so its quarantine reason is
 * unambiguous, and a fresh event id (so the copy never collides with the valid original). The
 * defects follow SPEC §1: unparseable line, missing field, bad id, bad enum, time without offset,
 * bad money, bad number, event after the arrival day, event more than late_days before it.
 */
final class DirtyRows {
  private static final Reason[] ORDERS = {
    Reason.UNPARSEABLE,
    Reason.MISSING_FIELD,
    Reason.BAD_ID,
    Reason.BAD_ENUM,
    Reason.BAD_TIME,
    Reason.BAD_MONEY,
    Reason.BAD_NUMBER,
    Reason.FUTURE_EVENT,
    Reason.TOO_LATE
  };
  private static final Reason[] ADS = {
    Reason.UNPARSEABLE,
    Reason.MISSING_FIELD,
    Reason.BAD_ID,
    Reason.BAD_ENUM,
    Reason.BAD_TIME,
    Reason.BAD_MONEY,
    Reason.FUTURE_EVENT,
    Reason.TOO_LATE
  };
  private static final Reason[] ACTIVITY = {
    Reason.UNPARSEABLE,
    Reason.MISSING_FIELD,
    Reason.BAD_ID,
    Reason.BAD_ENUM,
    Reason.BAD_TIME,
    Reason.FUTURE_EVENT,
    Reason.TOO_LATE
  };
  private static final String[] BAD_IDS = {
    "bad id", "id#42", "用户42", "x123456789012345678901234567890123456789012345678901234567890abcdef"
  };

  private final Fmt fmt;
  private final int lateDays;

  DirtyRows(Fmt fmt, int lateDays) {
    this.fmt = fmt;
    this.lateDays = lateDays;
  }

  /** The defect to inject into a row of {@code source}. */
  Reason pick(Source source, String[] row, Rng r) {
    Reason[] all =
        switch (source) {
          case ORDERS -> ORDERS;
          case AD_EVENTS -> ADS;
          default -> ACTIVITY;
        };
    Reason reason = all[r.nextInt(all.length)];
    boolean refund = source == Source.ORDERS && "refund".equals(row[1]);
    if (refund && reason == Reason.BAD_NUMBER) {
      reason = Reason.BAD_MONEY;
    }
    return reason;
  }

  /** A one-line unparseable record. */
  String unparseable(String[] row, Rng r) {
    return switch (r.nextInt(3)) {
      case 0 -> "{\"event_id\":\"" + row[0] + "x\",\"event_type\":\"" + row[1] + "\",\"us";
      case 1 -> "<html><body>502 Bad Gateway</body></html>";
      default -> String.join(";", row[0] + "x", String.valueOf(row[1]), "truncated");
    };
  }

  /**
   * The invalid copy for {@code reason} (not UNPARSEABLE). {@code day}/{@code sec} is the row's
   * event time (Shanghai local day and second), {@code arrival} its arrival day.
   */
  String[] copy(Source source, String[] row, Reason reason, int day, int sec, int arrival, Rng r) {
    String[] c = row.clone();
    c[0] = row[0] + "x";
    int time = c.length - 1;
    switch (reason) {
      case MISSING_FIELD -> {
        int[] required = required(source, row);
        c[required[r.nextInt(required.length)]] = r.chance(0.7) ? Fmt.ABSENT : null;
      }
      case BAD_ID -> {
        int[] ids = ids(source, row);
        c[ids[r.nextInt(ids.length)]] = BAD_IDS[r.nextInt(BAD_IDS.length)];
      }
      case BAD_ENUM -> {
        switch (source) {
          case ORDERS -> {
            if ("pay".equals(row[1]) && r.chance(0.5)) {
              c[9] = r.chance(0.5) ? "cash" : "paypal";
            } else {
              c[1] = r.chance(0.5) ? "purchase" : "chargeback";
            }
          }
          case AD_EVENTS -> {
            if (r.chance(0.5)) {
              c[5] = r.chance(0.5) ? "tv" : "outdoor";
            } else {
              c[1] = r.chance(0.5) ? "view" : "conversion";
            }
          }
          default -> {
            if (r.chance(0.5)) {
              c[3] = r.chance(0.5) ? "tiktok" : "douyin";
            } else {
              c[2] = r.chance(0.5) ? "purchase" : "login";
            }
          }
        }
      }
      case BAD_TIME -> c[time] = fmt.timeWithoutOffset(day, sec, r.chance(0.3));
      case BAD_MONEY -> {
        int money = source == Source.ORDERS ? 8 : 7;
        String v = row[money] == null || row[money].equals("0.00") ? "1.00" : row[money];
        String[] bad = {"12.345", "-" + v, "10000000.01", "1,299.00"};
        c[money] = bad[r.nextInt(bad.length)];
      }
      case BAD_NUMBER -> {
        String[] bad = {"0", "-1", "1.5", "two"};
        c[7] = bad[r.nextInt(bad.length)];
      }
      case FUTURE_EVENT -> c[time] = fmt.time(arrival + 1 + r.nextInt(3), sec, -1, r.chance(0.4));
      case TOO_LATE ->
          c[time] = fmt.time(arrival - lateDays - 1 - r.nextInt(20), sec, -1, r.chance(0.4));
      default -> throw new IllegalArgumentException(reason.toString());
    }
    return c;
  }

  private static int[] required(Source source, String[] row) {
    return switch (source) {
      case ORDERS ->
          "pay".equals(row[1])
              ? new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
              : new int[] {0, 1, 2, 3, 4, 5, 6, 8, 10};
      case AD_EVENTS -> new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8};
      default -> new int[] {0, 1, 2, 3, 6};
    };
  }

  private static int[] ids(Source source, String[] row) {
    return switch (source) {
      case ORDERS -> new int[] {0, 2, 3, 4, 5, 6};
      case AD_EVENTS -> new int[] {0, 2, 3, 4, 6};
      default -> row[4] == null ? new int[] {0, 1} : new int[] {0, 1, 4};
    };
  }
}
