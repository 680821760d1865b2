package cmr.loader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the manifest needs, with no library: objects, strings, integers, null. Writing is
 * done by {@link Manifest#toJson()}; this parses it back strictly.
 */
final class Json {
  /** Deepest nesting of objects accepted (the manifest has two levels). */
  private static final int MAX_DEPTH = 16;

  private final String s;
  private int i;
  private int depth;

  private Json(String s) {
    this.s = s;
  }

  /** Parses one JSON object; values are String, Long, null or nested Map. */
  static Map<String, Object> parseObject(String text) {
    Json p = new Json(text);
    p.ws();
    Map<String, Object> m = p.object();
    p.ws();
    if (p.i != p.s.length()) {
      throw p.err("trailing text");
    }
    return m;
  }

  static String quote(String v) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private Map<String, Object> object() {
    expect('{');
    if (++depth > MAX_DEPTH) {
      throw err("objects nested deeper than " + MAX_DEPTH);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    ws();
    if (peek() == '}') {
      i++;
      depth--;
      return m;
    }
    while (true) {
      ws();
      String k = string();
      ws();
      expect(':');
      ws();
      if (m.put(k, value()) != null) {
        throw err("duplicate key " + k);
      }
      ws();
      char c = next();
      if (c == '}') {
        depth--;
        return m;
      }
      if (c != ',') {
        throw err("expected , or }");
      }
    }
  }

  private Object value() {
    char c = peek();
    if (c == '{') {
      return object();
    }
    if (c == '"') {
      return string();
    }
    if (s.startsWith("null", i)) {
      i += 4;
      return null;
    }
    int start = i;
    if (c == '-') {
      i++;
    }
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (start == i || (c == '-' && start + 1 == i)) {
      throw err("unexpected value");
    }
    try {
      return Long.parseLong(s.substring(start, i));
    } catch (NumberFormatException e) {
      throw err("integer out of range");
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9A-Fa-f]{4}")) {
              throw err("bad escape");
            }
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw err("bad escape");
        }
      } else {
        sb.append(c);
      }
    }
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw err("unexpected end");
    }
    return s.charAt(i);
  }

  private char next() {
    char c = peek();
    i++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw err("expected " + c);
    }
  }

  private CoefficientsException err(String what) {
    return new CoefficientsException(
        "manifest", "manifest.json is not valid JSON at offset " + i + ": " + what);
  }
}
