package cmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow and their imports point one way (docs/architecture.md): a
 * package imports only packages of a lower layer. The base packages come first, then the step
 * contract, then one package per nightly step in the order they run, then the orchestration and the
 * command line. An import of a package on the same layer or above fails, and so does any cycle.
 * Scans the sources of this module (no Spark).
 */
class ArchitectureTest {
  /** Every package of cmr.* in src/main/java, by layer; a package may import lower layers only. */
  static final List<List<String>> LAYERS =
      List.of(
          List.of("errors", "loader"),
          List.of("config"),
          List.of("spark", "sql"),
          List.of("warehouse"),
          List.of("step"),
          List.of("ingest"),
          List.of("silver"),
          List.of("state"),
          List.of("attribution"),
          List.of("settlement"),
          List.of("kpis"),
          List.of("coefficients"),
          List.of("export"),
          List.of("ops"),
          List.of("pipeline"),
          List.of("cli"));

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?cmr\\.([a-z]+)\\.", Pattern.MULTILINE);
  private static final Pattern FQN = Pattern.compile("(?<![\\w.])cmr\\.([a-z]+)\\.[A-Z]");

  @Test
  void importsPointDownTheFlowOnly() throws IOException {
    Map<String, Integer> layer = new TreeMap<>();
    for (int i = 0; i < LAYERS.size(); i++) {
      for (String p : LAYERS.get(i)) {
        layer.put(p, i);
      }
    }
    Map<String, TreeSet<String>> graph = imports(Path.of("src/main/java/cmr"));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, TreeSet<String>> e : graph.entrySet()) {
      Integer from = layer.get(e.getKey());
      if (from == null) {
        wrong.add("package cmr." + e.getKey() + " has no layer in ArchitectureTest.LAYERS");
        continue;
      }
      for (String to : e.getValue()) {
        Integer target = layer.get(to);
        if (target == null || target >= from) {
          wrong.add(
              "cmr."
                  + e.getKey()
                  + " imports cmr."
                  + to
                  + (target == null ? " (no layer)" : " (same layer or later in the flow)"));
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void noPackageCycles() throws IOException {
    Map<String, TreeSet<String>> graph = imports(Path.of("src/main/java/cmr"));
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      findCycle(graph, start, new ArrayList<>(List.of(start)), cycles);
    }
    assertEquals(List.of(), cycles);
  }

  @Test
  void theScanSeesAWrongImport() {
    // the scanner itself: an upward import and a fully qualified reference are both found
    Map<String, TreeSet<String>> g = new TreeMap<>();
    scan(
        "ingest", "package cmr.ingest;\nimport cmr.kpis.KpisStep;\nclass A { cmr.export.X x; }", g);
    assertEquals(new TreeSet<>(List.of("export", "kpis")), g.get("ingest"));
  }

  @Test
  void everyStepPackageHasItsStepClass() {
    for (String step :
        List.of(
            "ingest",
            "silver",
            "state",
            "attribution",
            "settlement",
            "kpis",
            "coefficients",
            "export")) {
      String cls = Character.toUpperCase(step.charAt(0)) + step.substring(1) + "Step.java";
      assertTrue(Files.isRegularFile(Path.of("src/main/java/cmr", step, cls)), step + "/" + cls);
    }
  }

  private static void findCycle(
      Map<String, TreeSet<String>> g, String start, List<String> path, List<String> out) {
    String last = path.get(path.size() - 1);
    for (String next : g.getOrDefault(last, new TreeSet<>())) {
      if (next.equals(start)) {
        out.add(String.join(" -> ", path) + " -> " + start);
      } else if (!path.contains(next) && next.compareTo(start) > 0) {
        path.add(next);
        findCycle(g, start, path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  static Map<String, TreeSet<String>> imports(Path root) throws IOException {
    Map<String, TreeSet<String>> g = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
        scan(pkg, Files.readString(f), g);
      }
    }
    return g;
  }

  private static void scan(String pkg, String text, Map<String, TreeSet<String>> g) {
    TreeSet<String> to = g.computeIfAbsent(pkg, k -> new TreeSet<>());
    String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    for (Pattern p : List.of(IMPORT, FQN)) {
      Matcher m = p.matcher(code);
      while (m.find()) {
        if (!m.group(1).equals(pkg)) {
          to.add(m.group(1));
        }
      }
    }
  }
}
