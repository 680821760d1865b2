package cmr.generate;

import java.nio.file.Path;

/**
 * The daily full snapshots (users, merchants, campaigns), written only on the days upstream sends
 * them: users on the first day and every 3rd day, merchants on the first day and every 7th day,
 * campaigns on the first day and whenever a campaign is created or its end date is announced.
 * Invalid rows are extra rows with made-up keys (so real entities stay in the snapshot), except
 * {@code duplicate_key}, which repeats a real user or merchant (that key is then absent from that
 * snapshot, as SPEC §1 says) or a made-up campaign.
 */
final class Snapshots {
  private static final FileKind[] KINDS = FileKind.values();
  private static final long ROWS_PER_FILE = 500_000;

  private final Path landing;
  private final Marketplace w;
  private final Fmt fmt;
  private final Counts counts;
  private final double dirtyRate;

  Snapshots(Path landing, Marketplace w, Fmt fmt, Counts counts, double dirtyRate) {
    this.landing = landing;
    this.w = w;
    this.fmt = fmt;
    this.counts = counts;
    this.dirtyRate = dirtyRate;
  }

  static boolean usersDay(Marketplace w, int day) {
    return w.dayIndex(day) % 3 == 0;
  }

  static boolean merchantsDay(Marketplace w, int day) {
    return w.dayIndex(day) % 7 == 0;
  }

  static boolean campaignsDay(Marketplace w, int day) {
    if (day == w.firstDay) {
      return true;
    }
    for (Campaign c : w.campaigns) {
      if (c.createDay == day || c.endAnnounceDay == day) {
        return true;
      }
    }
    return false;
  }

  void users(int day) {
    int di = w.dayIndex(day);
    int n = w.registeredBy[di];
    Rng r = Rng.of(w.seed, 6, day, 1);
    int dup = n >= 1000 && di % 2 == 0 ? r.nextInt(n) : -1;
    try (Writer out = new Writer(Source.USERS, day, n)) {
      for (int u = 0; u < n; u++) {
        if (u != dup) {
          out.valid(userRow(u, day));
        }
      }
      int bad = (int) (n * dirtyRate / 2);
      for (int i = 0; i < bad; i++) {
        String[] row = userRow(r.nextInt(n), day);
        row[0] = "ux" + di + "_" + i;
        switch (r.nextInt(3)) {
          case 0 -> {
            row[0] = i % 2 == 0 ? "u x" + i : "用户" + i;
            out.reject(row, Reason.BAD_ID);
          }
          case 1 -> {
            row[1 + r.nextInt(3)] = Fmt.ABSENT;
            out.reject(row, Reason.MISSING_FIELD);
          }
          default -> {
            row[2] = r.chance(0.5) ? "-" + (1 + r.nextInt(50)) : "high";
            out.reject(row, Reason.BAD_NUMBER);
          }
        }
      }
      if (dup >= 0) {
        String[] again = userRow(dup, day);
        again[2] = Integer.toString(Integer.parseInt(again[2]) + 7);
        out.duplicateKey(userRow(dup, day), again);
      }
    }
  }

  private String[] userRow(int u, int day) {
    int score = w.taoqi[u] + Math.max(0, day - w.firstDay) / 10;
    return new String[] {
      w.userIds[u],
      fmt.date(w.registeredDay[u]),
      Integer.toString(score),
      w.vip(u, day) ? "true" : "false"
    };
  }

  void merchants(int day) {
    int di = w.dayIndex(day);
    int n = w.openBy[di];
    Rng r = Rng.of(w.seed, 6, day, 2);
    int dup = n >= 100 && (di / 7) % 2 == 1 ? r.nextInt(n) : -1;
    try (Writer out = new Writer(Source.MERCHANTS, day, n)) {
      for (int m = 0; m < n; m++) {
        if (m != dup) {
          out.valid(merchantRow(m));
        }
      }
      int bad = (int) (n * dirtyRate / 2);
      for (int i = 0; i < bad; i++) {
        String[] row = merchantRow(r.nextInt(n));
        row[0] = "mx" + di + "_" + i;
        switch (r.nextInt(3)) {
          case 0 -> {
            row[0] = "m#" + i;
            out.reject(row, Reason.BAD_ID);
          }
          case 1 -> {
            row[1 + r.nextInt(3)] = null;
            out.reject(row, Reason.MISSING_FIELD);
          }
          default -> {
            row[1] = r.chance(0.5) ? "jd" : "pinduoduo";
            out.reject(row, Reason.BAD_ENUM);
          }
        }
      }
      if (dup >= 0) {
        String[] again = merchantRow(dup);
        again[2] = again[2].equals("sme") ? "key_account" : "sme";
        out.duplicateKey(merchantRow(dup), again);
      }
    }
  }

  private String[] merchantRow(int m) {
    return new String[] {
      w.merchantIds[m],
      w.tmall[m] ? "tmall" : "taobao",
      w.keyAccount[m] ? "key_account" : "sme",
      Marketplace.CATEGORIES[w.merchantCategory[m]]
    };
  }

  void campaigns(int day) {
    int di = w.dayIndex(day);
    Rng r = Rng.of(w.seed, 6, day, 3);
    int n = 0;
    for (Campaign c : w.campaigns) {
      n += c.createDay <= day ? 1 : 0;
    }
    try (Writer out = new Writer(Source.CAMPAIGNS, day, n)) {
      for (Campaign c : w.campaigns) {
        if (c.createDay <= day) {
          out.valid(campaignRow(c, day));
        }
      }
      if (n >= 60 && di % 2 == 0) {
        String[] fake = campaignRow(w.campaigns[r.nextInt(w.campaigns.length)], day);
        fake[0] = "cx" + di;
        String[] again = fake.clone();
        again[4] = Fmt.money(Math.max(100, Math.round(Double.parseDouble(fake[4]) * 50)));
        out.duplicateKey(fake, again);
      }
      if (n * dirtyRate >= 0.5 && di % 2 == 1) {
        String[] bad = campaignRow(w.campaigns[r.nextInt(w.campaigns.length)], day);
        bad[0] = "cx" + di;
        if (r.chance(0.5)) {
          bad[4] = "-" + bad[4];
          out.reject(bad, Reason.BAD_MONEY);
        } else {
          bad[3] = "cpa";
          out.reject(bad, Reason.BAD_ENUM);
        }
      }
    }
  }

  private String[] campaignRow(Campaign c, int day) {
    return new String[] {
      c.id,
      w.merchantIds[c.merchant],
      w.itemIds[c.merchant][c.item],
      c.type,
      Fmt.money(c.budgetCents),
      c.wholeSite() ? Fmt.decimal(c.targetRoi, 2) : null,
      fmt.date(c.startDay),
      c.endAnnounceDay <= day ? fmt.date(c.endDay) : null
    };
  }

  /** The files of one snapshot: kinds rotate by day; large snapshots are split. */
  private final class Writer implements AutoCloseable {
    private final Source source;
    private final int di;
    private final RowSink[] files;
    private long written;

    Writer(Source source, int day, long rows) {
      this.source = source;
      this.di = w.dayIndex(day);
      Path dir = DayFiles.folder(landing, source, fmt.date(day));
      int n = (int) Math.max(1, (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
      files = new RowSink[n];
      for (int i = 0; i < n; i++) {
        FileKind kind = KINDS[(di + source.ordinal() + i) % KINDS.length];
        files[i] = RowSink.open(dir.resolve(source.dir() + "-" + i + kind.suffix()), kind, source);
      }
    }

    private RowSink next() {
      return files[(int) (written++ % files.length)];
    }

    void valid(String[] row) {
      next().write(row);
      counts.inc(source, di, Counts.ROWS);
    }

    void reject(String[] row, Reason reason) {
      next().write(row);
      counts.reject(source, di, reason);
    }

    void duplicateKey(String[] first, String[] second) {
      next().write(first);
      next().write(second);
      counts.reject(source, di, Reason.DUPLICATE_KEY);
      counts.reject(source, di, Reason.DUPLICATE_KEY);
    }

    @Override
    public void close() {
      for (RowSink f : files) {
        f.close();
        counts.file(source, f.kind(), f.rows());
      }
    }
  }
}
