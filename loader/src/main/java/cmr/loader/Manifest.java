package cmr.loader;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json} of one version: what it is, when and from which window it was trained,
 * which version it replaced, and for each CSV its data row count (header excluded) and SHA-256.
 */
public record Manifest(
    String format,
    String version,
    LocalDate runDate,
    Instant createdAt,
    LocalDate trainingFrom,
    LocalDate trainingTo,
    String previousVersion,
    Map<String, FileEntry> files) {
  public static final String FORMAT = "cmr-coefficients/1";

  public record FileEntry(long rows, String sha256) {}

  public Manifest {
    files = Map.copyOf(files);
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"format\": ").append(Json.quote(format)).append(",\n");
    sb.append("  \"version\": ").append(Json.quote(version)).append(",\n");
    sb.append("  \"run_date\": ").append(Json.quote(runDate.toString())).append(",\n");
    sb.append("  \"created_at\": ").append(Json.quote(createdAt.toString())).append(",\n");
    sb.append("  \"training_window\": {\"from\": ")
        .append(Json.quote(trainingFrom.toString()))
        .append(", \"to\": ")
        .append(Json.quote(trainingTo.toString()))
        .append("},\n");
    sb.append("  \"previous_version\": ")
        .append(previousVersion == null ? "null" : Json.quote(previousVersion))
        .append(",\n");
    sb.append("  \"files\": {");
    String sep = "\n";
    for (String name : CoefficientsFormat.FILES) {
      FileEntry e = files.get(name);
      sb.append(sep)
          .append("    ")
          .append(Json.quote(name))
          .append(": {\"rows\": ")
          .append(e.rows())
          .append(", \"sha256\": ")
          .append(Json.quote(e.sha256()))
          .append('}');
      sep = ",\n";
    }
    return sb.append("\n  }\n}\n").toString();
  }

  /**
   * Parses and validates a manifest; every field is required ({@code previous_version} may be
   * null).
   */
  @SuppressWarnings("unchecked")
  public static Manifest parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    String format = str(m, "format");
    if (!FORMAT.equals(format)) {
      throw new CoefficientsException("manifest", "format is " + format + ", expected " + FORMAT);
    }
    Map<String, Object> window = obj(m, "training_window");
    Map<String, Object> filesJson = obj(m, "files");
    Map<String, FileEntry> files = new LinkedHashMap<>();
    for (String name : CoefficientsFormat.FILES) {
      Map<String, Object> f = obj(filesJson, name);
      Object rows = f.get("rows");
      String sha = str(f, "sha256");
      if (!(rows instanceof Long r) || r < 0 || !sha.matches("[0-9a-f]{64}")) {
        throw new CoefficientsException(
            "manifest", "files." + name + " needs rows >= 0 and a " + "64-hex-digit sha256");
      }
      files.put(name, new FileEntry(r, sha));
    }
    if (!m.containsKey("previous_version")) {
      throw new CoefficientsException("manifest", "previous_version is missing");
    }
    Object prev = m.get("previous_version");
    if (prev != null && !(prev instanceof String)) {
      throw new CoefficientsException("manifest", "previous_version must be a string or null");
    }
    try {
      return new Manifest(
          format,
          str(m, "version"),
          LocalDate.parse(str(m, "run_date")),
          Instant.parse(str(m, "created_at")),
          LocalDate.parse(str(window, "from")),
          LocalDate.parse(str(window, "to")),
          (String) prev,
          files);
    } catch (DateTimeParseException e) {
      throw new CoefficientsException("manifest", "bad date: " + e.getParsedString());
    }
  }

  private static String str(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof String s)) {
      throw new CoefficientsException("manifest", key + " is missing or not a string");
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof Map<?, ?> o)) {
      throw new CoefficientsException("manifest", key + " is missing or not an object");
    }
    return (Map<String, Object>) o;
  }
}
