package cmr.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records by CRLF, a field quoted with double quotes
 * when it holds a comma, a quote or a line break, a quote inside doubled. Strict: a malformed
 * record is an error, never guessed at.
 */
public final class Csv {
  public static final String EOL = "\r\n";

  private Csv() {}

  /** One record, CRLF included. */
  public static String record(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(fields.get(i)));
    }
    return sb.append(EOL).toString();
  }

  static String field(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  /**
   * Splits a whole file into records. The text must end with CRLF (a file cut short ends without
   * it, which is how a half-written file is recognised).
   */
  public static List<List<String>> parse(String text, String file) {
    List<List<String>> out = new ArrayList<>();
    if (!text.isEmpty() && !text.endsWith(EOL)) {
      throw new CoefficientsException("format", file + " does not end with CRLF (truncated file?)");
    }
    List<String> rec = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' && f.length() == 0) {
        i++;
        while (true) {
          if (i >= n) {
            throw new CoefficientsException(
                "format", file + " record " + (out.size() + 1) + ": unterminated quoted field");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              f.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          f.append(q);
          i++;
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
          throw new CoefficientsException(
              "format", file + " record " + (out.size() + 1) + ": text after a closing quote");
        }
        continue;
      }
      if (c == ',') {
        rec.add(f.toString());
        f.setLength(0);
        i++;
      } else if (c == '\r') {
        if (i + 1 >= n || text.charAt(i + 1) != '\n') {
          throw new CoefficientsException(
              "format", file + " record " + (out.size() + 1) + ": bare CR");
        }
        rec.add(f.toString());
        f.setLength(0);
        out.add(rec);
        rec = new ArrayList<>();
        i += 2;
      } else if (c == '\n' || c == '"') {
        throw new CoefficientsException(
            "format",
            file + " record " + (out.size() + 1) + ": bare " + (c == '\n' ? "LF" : "quote"));
      } else {
        f.append(c);
        i++;
      }
    }
    return out;
  }
}
