package cmr.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * JSON-lines or CSV (header row, RFC 4180 quoting when needed), optionally gzip (fastest level; the
 * gzip header carries no time stamp, so output is byte-for-byte reproducible). Encodes into its own
 * byte buffer to stay fast.
 */
final class TextRowSink implements RowSink {
  private final Path file;
  private final FileKind kind;
  private final Source source;
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private long rows;

  TextRowSink(Path file, FileKind kind, Source source) throws IOException {
    this.file = file;
    this.kind = kind;
    this.source = source;
    OutputStream raw = Files.newOutputStream(file);
    this.out = kind.gzip() ? new FastGzip(raw) : raw;
    if (kind.csv()) {
      for (int i = 0; i < source.width(); i++) {
        if (i > 0) {
          put(',');
        }
        put(source.field(i));
      }
      put('\n');
    }
  }

  @Override
  public void write(String[] row) {
    if (kind.csv()) {
      csv(row);
    } else {
      json(row);
    }
    rows++;
  }

  private void csv(String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        put(',');
      }
      String v = row[i];
      if (v == null || v == Fmt.ABSENT) {
        continue;
      }
      if (needsQuotes(v)) {
        put('"');
        for (int j = 0; j < v.length(); j++) {
          char c = v.charAt(j);
          if (c == '"') {
            put('"');
          }
          put(c);
        }
        put('"');
      } else {
        put(v);
      }
    }
    put('\n');
  }

  private static boolean needsQuotes(String v) {
    if (v.isEmpty()) {
      return true;
    }
    for (int j = 0; j < v.length(); j++) {
      char c = v.charAt(j);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void json(String[] row) {
    put('{');
    boolean first = true;
    for (int i = 0; i < row.length; i++) {
      String v = row[i];
      if (v == Fmt.ABSENT) {
        continue;
      }
      if (!first) {
        put(',');
      }
      first = false;
      put('"');
      put(source.field(i));
      put('"');
      put(':');
      if (v == null) {
        put("null");
      } else if (bare(source.type(i), v)) {
        put(v);
      } else {
        put('"');
        for (int j = 0; j < v.length(); j++) {
          char c = v.charAt(j);
          if (c == '"' || c == '\\') {
            put('\\');
          }
          put(c);
        }
        put('"');
      }
    }
    put('}');
    put('\n');
  }

  /** Integers and booleans are bare JSON values when they look like one, else strings. */
  private static boolean bare(char type, String v) {
    if (type == 'B') {
      return v.equals("true") || v.equals("false");
    }
    if (type != 'I' || v.isEmpty() || v.length() > 9) {
      return false;
    }
    for (int j = 0; j < v.length(); j++) {
      char c = v.charAt(j);
      if ((c < '0' || c > '9') && !(j == 0 && c == '-' && v.length() > 1)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void writeRaw(String line) {
    put(line);
    put('\n');
    rows++;
  }

  private void put(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (pos == buf.length) {
          flush();
        }
        buf[pos++] = (byte) c;
      } else {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          if (pos == buf.length) {
            flush();
          }
          buf[pos++] = b;
        }
      }
    }
  }

  private void put(char c) {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = (byte) c;
  }

  private void flush() {
    try {
      out.write(buf, 0, pos);
      pos = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public FileKind kind() {
    return kind;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    flush();
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  /** gzip at the fastest level: generation must not be the bottleneck. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
