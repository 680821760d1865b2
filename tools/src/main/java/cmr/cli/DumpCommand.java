package cmr.cli;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cmr dump}: a warehouse as text that two runs can be diffed on ("no output changed"): every
 * Delta table as its schema and its rows, each row one line of '|'-separated values, sorted, with
 * the columns that differ between identical runs left out (run ids and wall-clock times); every
 * other file (published coefficients, exports, merchant CSV files) copied as it is, with the
 * manifest's and notebooks' timestamps masked. The warehouse folder's own path in the values
 * becomes {@code <ROOT>}. Compare two dumps with {@code diff -r}.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every table and file of a warehouse as sorted text, without run ids and "
          + "timestamps, so that two runs can be compared with diff -r (lab tool)."
    })
public final class DumpCommand implements Runnable {
  /** Columns that differ between two identical runs. */
  static final Set<String> VOLATILE =
      Set.of(
          "run_id",
          "_run_id",
          "started_at",
          "ended_at",
          "_ingested_at",
          "created_at",
          "trained_at",
          "quarantined_at");

  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z|v\\d{8}T\\d{9}Z");

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where the dump goes.")
  Path out;

  @Option(
      names = "--root",
      paramLabel = "PATH",
      description =
          "A path to replace by <ROOT> in every value (default: the landing folder's parent).")
  String root;

  @Option(
      names = "--layers",
      split = ",",
      paramLabel = "L",
      description =
          "Only these top folders of the warehouse, e.g. gold,ops,published,exports (default: all;"
              + " the rows of a table are held in memory, so leave out bronze and silver of a"
              + " large warehouse).")
  List<String> layers = List.of();

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    Path wh = Path.of(cfg.paths().warehouse()).toAbsolutePath();
    String prefix =
        root != null
            ? root
            : Path.of(cfg.paths().landing()).toAbsolutePath().getParent().toString();
    SparkSession spark = SparkSessions.getOrCreate(cfg);
    try {
      dump(spark, wh, out, prefix, layers);
    } catch (IOException e) {
      throw Errors.step("dump", wh.toString(), e.getMessage(), e);
    }
  }

  static void dump(SparkSession spark, Path wh, Path out, String prefix, List<String> layers)
      throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(wh)) {
      all =
          s.filter(
                  p ->
                      layers.isEmpty()
                          || p.equals(wh)
                          || layers.contains(wh.relativize(p).getName(0).toString()))
              .sorted()
              .toList();
    }
    Set<Path> tables = new TreeSet<>();
    for (Path p : all) {
      if (p.getFileName().toString().equals("_delta_log")) {
        tables.add(p.getParent());
      }
    }
    for (Path t : tables) {
      Dataset<Row> df = spark.read().format("delta").load(t.toString());
      List<Column> cols = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (StructField f : df.schema().fields()) {
        if (!VOLATILE.contains(f.name())) {
          Column c = functions.col(f.name()).cast("string");
          if (f.name().equals("detail")) { // the run log's free text: version names, durations
            c = functions.regexp_replace(c, "v\\d{8}T\\d{9}Z", "<TS>");
            c = functions.regexp_replace(c, "\\b\\d+(\\.\\d+)?s\\b", "<T>s");
          }
          cols.add(functions.coalesce(c, functions.lit("<null>")));
          text.append(f.name()).append(' ').append(f.dataType().simpleString()).append('\n');
        }
      }
      List<String> lines = new ArrayList<>();
      // the rows are compared as a whole: a dump is for test-sized warehouses
      for (Row r :
          df.select(functions.concat_ws("|", cols.toArray(Column[]::new))).collectAsList()) {
        lines.add(r.getString(0).replace(prefix, "<ROOT>"));
      }
      lines.sort(null);
      text.append("--\n");
      lines.forEach(l -> text.append(l).append('\n'));
      Path f = out.resolve("delta").resolve(wh.relativize(t).toString().replace('/', '.') + ".txt");
      Files.createDirectories(f.getParent());
      Files.writeString(f, text);
      System.out.printf("%-40s %,12d rows%n", wh.relativize(t), lines.size());
    }
    for (Path p : all) {
      if (!Files.isRegularFile(p) || tables.stream().anyMatch(p::startsWith)) {
        continue;
      }
      String rel = TIMESTAMP.matcher(wh.relativize(p).toString()).replaceAll("<TS>");
      Path f = out.resolve("files").resolve(rel);
      Files.createDirectories(f.getParent());
      String name = p.getFileName().toString();
      if (name.endsWith(".json")
          || name.endsWith(".ipynb")
          || name.equals("LATEST")
          || name.equals("index.html")) {
        Files.writeString(
            f, TIMESTAMP.matcher(Files.readString(p)).replaceAll("<TS>").replace(prefix, "<ROOT>"));
      } else {
        Files.copy(p, f, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
