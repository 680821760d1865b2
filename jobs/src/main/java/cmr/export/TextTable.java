package cmr.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints query results as an aligned plain-text table (East Asian wide characters count as two).
 */
public final class TextTable {
  private TextTable() {}

  public static String render(List<String> columns, List<Object[]> rows) {
    int n = columns.size();
    int[] w = new int[n];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      w[c] = width(columns.get(c));
    }
    for (Object[] row : rows) {
      String[] s = new String[n];
      for (int c = 0; c < n; c++) {
        s[c] = row[c] == null ? "NULL" : row[c].toString();
        w[c] = Math.max(w[c], width(s[c]));
      }
      cells.add(s);
    }
    StringBuilder b = new StringBuilder();
    line(b, w);
    row(b, columns.toArray(String[]::new), w);
    line(b, w);
    for (String[] s : cells) {
      row(b, s, w);
    }
    line(b, w);
    return b.toString();
  }

  private static void line(StringBuilder b, int[] w) {
    b.append('+');
    for (int x : w) {
      b.append("-".repeat(x + 2)).append('+');
    }
    b.append('\n');
  }

  private static void row(StringBuilder b, String[] s, int[] w) {
    b.append('|');
    for (int c = 0; c < s.length; c++) {
      b.append(' ').append(s[c]).append(" ".repeat(w[c] - width(s[c]) + 1)).append('|');
    }
    b.append('\n');
  }

  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w +=
          (cp >= 0x1100
                  && (cp <= 0x115F
                      || (cp >= 0x2E80 && cp <= 0xA4CF)
                      || (cp >= 0xAC00 && cp <= 0xD7A3)
                      || (cp >= 0xF900 && cp <= 0xFAFF)
                      || (cp >= 0xFE30 && cp <= 0xFE4F)
                      || (cp >= 0xFF00 && cp <= 0xFF60)
                      || (cp >= 0xFFE0 && cp <= 0xFFE6)))
              ? 2
              : 1;
      i += Character.charCount(cp);
    }
    return w;
  }
}
