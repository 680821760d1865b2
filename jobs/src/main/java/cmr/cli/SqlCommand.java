package cmr.cli;

import cmr.config.CmrConfig;
import cmr.errors.Errors;
import cmr.export.GoldCatalog;
import cmr.export.QueryResult;
import cmr.export.TextTable;
import cmr.spark.SparkSessions;
import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cmr sql "<query>"} or {@code cmr sql --file F}: one Spark SQL statement over the
 * warehouse, with every gold table registered as a view named after it, and named parameters
 * ({@code -p run_date=2026-11-20} binds {@code :run_date}; dates, integers and decimals are typed).
 * Also registers the ops tables {@code job_runs}, {@code ingest_files} and {@code quarantine}.
 * Prints at most {@code --limit} rows as a table. Read-only.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one Spark SQL statement against the warehouse with every gold table registered by name "
          + "(daily_kpis, monthly_kpis, ...) and the ops tables job_runs, ingest_files and quarantine, "
          + "and prints the result as a table.",
      "The dashboard notebooks' SQL cells run with it: cmr sql -p run_date=YYYY-MM-DD -p month=YYYY-MM --file cell.sql"
    })
public final class SqlCommand implements Runnable {
  static final java.util.List<String> OPS =
      java.util.List.of("job_runs", "ingest_files", "quarantine");

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The statement (or use --file).")
  String query;

  @Option(names = "--file", paramLabel = "FILE", description = "Read the statement from this file.")
  Path file;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A named parameter, e.g. -p run_date=2026-11-20 binds :run_date as a DATE.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "200",
      description = "Print at most N rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin CommonOptions common;

  // results go to System.out, looked up at run time so that callers may redirect it

  @Override
  public void run() {
    String sql = statement();
    CmrConfig cfg = common.config();
    SparkSession spark = SparkSessions.getOrCreate(cfg);
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    GoldCatalog catalog = GoldCatalog.register(spark, wh);
    // The operational tables too, for data engineers: which steps ran, what was quarantined.
    wh.registerViews(spark, "ops", OPS);
    if (catalog.tables().isEmpty()) {
      throw Errors.input(
          "sql",
          cfg.paths().warehouse() + "/gold",
          "holds no gold tables",
          "pass --warehouse DIR of a warehouse where cmr nightly has run");
    }
    Map<String, Object> args = new LinkedHashMap<>();
    params.forEach((k, v) -> args.put(k, typed(v)));
    QueryResult r;
    try {
      r = QueryResult.of(spark.sql(sql, args).limit(limit + 1));
    } catch (Exception e) {
      if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
        throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
      }
      // Spark's parse errors start with an empty line: the reason is the first non-blank one
      String msg =
          String.valueOf(e.getMessage())
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .findFirst()
              .orElse(e.getClass().getSimpleName());
      throw Errors.usage(
          "sql",
          msg,
          "gold tables: "
              + String.join(", ", catalog.tables().keySet())
              + "; ops tables: "
              + String.join(", ", OPS));
    }
    PrintStream out = System.out;
    boolean more = r.rows().size() > limit;
    var rows = more ? r.rows().subList(0, limit) : r.rows();
    out.print(TextTable.render(r.columns(), rows));
    out.println(rows.size() + " row(s)" + (more ? " shown; more exist (use --limit)" : ""));
    out.flush();
  }

  private String statement() {
    if ((query == null) == (file == null)) {
      throw Errors.usage(
          "sql", "give either a query or --file FILE", "e.g. cmr sql \"SELECT * FROM daily_kpis\"");
    }
    String text;
    if (file != null) {
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw Errors.usage(
            "sql --file " + file, "cannot be read: " + e.getMessage(), "pass a readable SQL file");
      }
    } else {
      text = query;
    }
    text = text.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  /**
   * A parameter value typed: YYYY-MM-DD as DATE, integers as BIGINT, decimals as DECIMAL, else
   * STRING.
   */
  static Object typed(String v) {
    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(v);
    }
    if (v.matches("-?\\d{1,18}")) {
      return Long.parseLong(v);
    }
    if (v.matches("-?\\d+\\.\\d+")) {
      return new BigDecimal(v);
    }
    return v;
  }
}
