package cmr.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Test helper: reads generated landing files back with independent readers (Jackson for JSON lines,
 * a plain splitter for CSV, parquet-hadoop's example reader for Parquet, GZIPInputStream for .gz).
 * A record is a field map (absent fields missing, nulls as null) or, for a line that is not JSON,
 * {@code null}.
 */
final class LandingFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One record with the arrival day (dt) and the file kind it came from. */
  record Rec(String dt, String kind, Map<String, String> fields) {
    boolean unparseable() {
      return fields == null;
    }

    String get(String f) {
      return fields.get(f);
    }
  }

  private LandingFiles() {}

  static List<Path> files(Path landing, String source) throws IOException {
    Path dir = landing.resolve(source);
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<Rec> read(Path landing, String source) throws IOException {
    List<Rec> out = new ArrayList<>();
    for (Path f : files(landing, source)) {
      String dt = f.getParent().getFileName().toString().substring(3);
      String name = f.getFileName().toString();
      String kind = name.substring(name.indexOf('.') + 1);
      switch (kind) {
        case "jsonl", "jsonl.gz" -> {
          for (String line : lines(f)) {
            out.add(new Rec(dt, kind, json(line)));
          }
        }
        case "csv", "csv.gz" -> {
          List<String> lines = lines(f);
          String[] header = lines.get(0).split(",", -1);
          for (String line : lines.subList(1, lines.size())) {
            out.add(new Rec(dt, kind, csv(header, line)));
          }
        }
        case "parquet" -> {
          for (Map<String, String> m : parquet(f)) {
            out.add(new Rec(dt, kind, m));
          }
        }
        default -> throw new IllegalStateException("unexpected file " + f);
      }
    }
    return out;
  }

  static List<String> lines(Path f) throws IOException {
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  private static Map<String, String> json(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()) {
        return null;
      }
      Map<String, String> m = new HashMap<>();
      n.fields()
          .forEachRemaining(
              e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
      return m;
    } catch (IOException e) {
      return null;
    }
  }

  /** Generated CSV quotes only values with commas; a simple quote-aware splitter suffices. */
  private static Map<String, String> csv(String[] header, String line) {
    List<String> values = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        values.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    values.add(cur.toString());
    if (values.size() != header.length) {
      return null;
    }
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      m.put(header[i], values.get(i).isEmpty() ? null : values.get(i));
    }
    return m;
  }

  private static List<Map<String, String>> parquet(Path f) {
    List<Map<String, String>> out = new ArrayList<>();
    try (ParquetReader<Group> r =
        ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
            .build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < g.getType().getFieldCount(); i++) {
          String name = g.getType().getFieldName(i);
          m.put(name, g.getFieldRepetitionCount(i) == 0 ? null : g.getString(i, 0));
        }
        out.add(m);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
