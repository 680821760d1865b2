package cmr.generate;

/**
 * What was written, per source and arrival day: rows, injected rejects per reason, exact
 * duplicates, late-but-valid events; and files and rows per file kind. One instance per worker,
 * summed at the end ({@link #add(Counts)}), so workers never share counters.
 */
final class Counts {
  static final int ROWS = 0;
  static final int REASON0 = 1;
  static final int DUP_SAME_DAY = REASON0 + Reason.values().length;
  static final int DUP_LATER_DAY = DUP_SAME_DAY + 1;
  static final int LATE_VALID = DUP_LATER_DAY + 1;

  /** Events dated in the range whose arrival would fall after the last day (not written). */
  static final int NOT_ARRIVED = LATE_VALID + 1;

  static final int METRICS = NOT_ARRIVED + 1;

  final int days;
  final long[][][] byDay;
  final long[][] files;
  final long[][] kindRows;

  Counts(int days) {
    this.days = days;
    this.byDay = new long[Source.values().length][days][METRICS];
    this.files = new long[Source.values().length][FileKind.values().length];
    this.kindRows = new long[Source.values().length][FileKind.values().length];
  }

  void inc(Source s, int dayIndex, int metric) {
    byDay[s.ordinal()][dayIndex][metric]++;
  }

  void reject(Source s, int dayIndex, Reason reason) {
    byDay[s.ordinal()][dayIndex][ROWS]++;
    byDay[s.ordinal()][dayIndex][REASON0 + reason.ordinal()]++;
  }

  void file(Source s, FileKind kind, long rows) {
    files[s.ordinal()][kind.ordinal()]++;
    kindRows[s.ordinal()][kind.ordinal()] += rows;
  }

  synchronized void add(Counts o) {
    for (int s = 0; s < byDay.length; s++) {
      for (int d = 0; d < days; d++) {
        for (int m = 0; m < METRICS; m++) {
          byDay[s][d][m] += o.byDay[s][d][m];
        }
      }
      for (int k = 0; k < files[s].length; k++) {
        files[s][k] += o.files[s][k];
        kindRows[s][k] += o.kindRows[s][k];
      }
    }
  }

  long total(Source s, int metric) {
    long t = 0;
    for (int d = 0; d < days; d++) {
      t += byDay[s.ordinal()][d][metric];
    }
    return t;
  }

  long totalRows() {
    long t = 0;
    for (Source s : Source.values()) {
      t += total(s, ROWS);
    }
    return t;
  }
}
