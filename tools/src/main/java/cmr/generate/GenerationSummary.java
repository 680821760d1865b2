package cmr.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code generation_summary.json} next to the truth file: per source, the rows written, the invalid
 * rows injected per reason code, the exact duplicates (same day, re-sent later), the late-but-valid
 * events, files and rows per file kind, and the same per arrival date, so a test or an operator can
 * check ingestion's reconciliation against what was really sent. Rows that should reach bronze =
 * rows - rejects - duplicates.
 */
final class GenerationSummary {
  private GenerationSummary() {}

  static void write(
      Path file, GenerateRequest req, Marketplace w, Counts c, Fmt fmt, double seconds)
      throws IOException {
    StringBuilder b = new StringBuilder(1 << 16);
    long rows = c.totalRows();
    b.append("{\n  \"seed\": ")
        .append(req.seed())
        .append(",\n  \"scale\": \"")
        .append(req.scale().name())
        .append('"')
        .append(",\n  \"users\": ")
        .append(w.users)
        .append(",\n  \"merchants\": ")
        .append(w.merchants)
        .append(",\n  \"campaigns\": ")
        .append(w.campaigns.length)
        .append(",\n  \"whole_site_campaigns\": ")
        .append(req.scale().wholeSite())
        .append(",\n  \"from\": \"")
        .append(req.from())
        .append('"')
        .append(",\n  \"to\": \"")
        .append(req.to())
        .append('"')
        .append(",\n  \"days\": ")
        .append(req.days())
        .append(",\n  \"late_days\": ")
        .append(req.lateDays())
        .append(",\n  \"dirty_rate\": ")
        .append(req.dirtyRate())
        .append(",\n  \"rows\": ")
        .append(rows)
        .append(",\n  \"seconds\": ")
        .append(Fmt.decimal(seconds, 3))
        .append(",\n  \"rows_per_second\": ")
        .append(Math.round(rows / Math.max(seconds, 1e-3)))
        .append(",\n  \"sources\": {");
    Source[] sources = Source.values();
    for (int s = 0; s < sources.length; s++) {
      Source src = sources[s];
      b.append(s == 0 ? "\n" : ",\n").append("    \"").append(src.dir()).append("\": {\n");
      b.append("      \"rows\": ").append(c.total(src, Counts.ROWS)).append(",\n");
      b.append("      \"expected_accepted\": ").append(accepted(c, src, -1)).append(",\n");
      b.append("      \"rejects\": ");
      rejects(b, c, src, -1);
      b.append(",\n      \"duplicates_same_day\": ").append(c.total(src, Counts.DUP_SAME_DAY));
      b.append(",\n      \"duplicates_later_day\": ").append(c.total(src, Counts.DUP_LATER_DAY));
      b.append(",\n      \"late_valid\": ").append(c.total(src, Counts.LATE_VALID));
      b.append(",\n      \"not_arrived_in_range\": ").append(c.total(src, Counts.NOT_ARRIVED));
      b.append(",\n      \"files\": {");
      kinds(b, c.files[s]);
      b.append("},\n      \"rows_by_kind\": {");
      kinds(b, c.kindRows[s]);
      b.append("},\n      \"by_date\": {");
      boolean first = true;
      for (int d = 0; d < c.days; d++) {
        long[] m = c.byDay[s][d];
        if (m[Counts.ROWS] == 0) {
          continue;
        }
        b.append(first ? "\n" : ",\n")
            .append("        \"")
            .append(fmt.date(w.firstDay + d))
            .append("\": {\"rows\": ")
            .append(m[Counts.ROWS])
            .append(", \"expected_accepted\": ")
            .append(accepted(c, src, d))
            .append(", \"duplicates\": ")
            .append(m[Counts.DUP_SAME_DAY] + m[Counts.DUP_LATER_DAY])
            .append(", \"late_valid\": ")
            .append(m[Counts.LATE_VALID])
            .append(", \"rejects\": ");
        rejects(b, c, src, d);
        b.append('}');
        first = false;
      }
      b.append(first ? "}\n    }" : "\n      }\n    }");
    }
    b.append("\n  }\n}\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static long accepted(Counts c, Source src, int day) {
    long total = 0;
    for (int d = 0; d < c.days; d++) {
      if (day >= 0 && d != day) {
        continue;
      }
      long[] m = c.byDay[src.ordinal()][d];
      long r = m[Counts.ROWS] - m[Counts.DUP_SAME_DAY] - m[Counts.DUP_LATER_DAY];
      for (Reason reason : Reason.values()) {
        r -= m[Counts.REASON0 + reason.ordinal()];
      }
      total += r;
    }
    return total;
  }

  private static void rejects(StringBuilder b, Counts c, Source src, int day) {
    b.append('{');
    boolean first = true;
    for (Reason reason : Reason.values()) {
      long n = 0;
      for (int d = 0; d < c.days; d++) {
        if (day < 0 || d == day) {
          n += c.byDay[src.ordinal()][d][Counts.REASON0 + reason.ordinal()];
        }
      }
      if (n > 0) {
        b.append(first ? "" : ", ").append('"').append(reason.code()).append("\": ").append(n);
        first = false;
      }
    }
    b.append('}');
  }

  private static void kinds(StringBuilder b, long[] values) {
    boolean first = true;
    for (FileKind k : FileKind.values()) {
      if (values[k.ordinal()] > 0) {
        b.append(first ? "" : ", ")
            .append('"')
            .append(k.label())
            .append("\": ")
            .append(values[k.ordinal()]);
        first = false;
      }
    }
  }
}
