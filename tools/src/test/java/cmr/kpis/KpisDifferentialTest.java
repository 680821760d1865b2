package cmr.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.config.CmrConfig;
import cmr.generate.GenerateRequest;
import cmr.generate.SampleDataGenerator;
import cmr.generate.Scale;
import cmr.pipeline.Runner;
import cmr.pipeline.Steps;
import cmr.step.Progress;
import cmr.step.RunOptions;
import cmr.testing.TestSpark;
import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test: small generated landing data over a month boundary (dirty rows, late events,
 * re-sent duplicates, every file kind): the first three arrival days are ingested in one pass (as a
 * backfill does), the kpis step runs for day 3, bootstrapping its state from all of silver and
 * reporting every date from the first date ingested (its late window reaches back to it), then day
 * 4 runs as a night (ingest, silver, kpis) that maintains the state incrementally; DuckDB
 * recomputes daily_kpis and monthly_kpis straight from the same landing files with its own
 * validation, lateness and duplicate rules (test resource reference_kpis.sql). Both must agree to
 * the cent and the user. No settlement runs here, so compensation is 0 on both sides.
 */
class KpisDifferentialTest {
  static final LocalDate FROM = LocalDate.of(2026, 11, 29);
  static final int DAYS = 4;
  static final List<String> DAILY =
      List.of(
          "dau",
          "mau",
          "new_users",
          "gmv",
          "refunds",
          "net_gmv",
          "ad_revenue",
          "commission",
          "cmr",
          "take_rate");
  static final List<String> MONTHLY =
      List.of(
          "mau",
          "mau_net_adds",
          "mau_growth",
          "wechat_users",
          "gmv",
          "refunds",
          "net_gmv",
          "ad_revenue",
          "commission",
          "cmr",
          "take_rate",
          "gmv_mom",
          "cmr_mom",
          "days_covered",
          "mau_prev_same_days");

  static Path root;
  static CmrConfig cfg;
  static SparkSession spark;

  @BeforeAll
  static void generateAndRun() {
    spark = TestSpark.spark();
    root = TestSpark.tempDir("kpis-diff");
    cfg = TestSpark.config(root, Map.of());
    Scale scale = Scale.small().with(600, 30, 2, 800, 60, 300);
    SampleDataGenerator.run(
        new GenerateRequest(
            scale,
            FROM,
            DAYS,
            7L,
            root.resolve("landing"),
            root.resolve("truth"),
            true,
            GenerateRequest.DEFAULT_DIRTY_RATE,
            2,
            cfg.ingest().lateDays()),
        Progress.silent());
    // Days 1..3 in one ingest pass (as a backfill does), the kpis step bootstrapping its state
    // on day 3 (the state step), then day 4 as an ordinary night that maintains the state
    // incrementally.
    Runner runner = new Runner(cfg, spark, Progress.silent());
    LocalDate third = FROM.plusDays(DAYS - 2L);
    Steps.nightly()
        .only(Set.of("ingest", "silver"))
        .run(runner.context(third, RunOptions.defaults().withRange(FROM, false)));
    Steps.nightly()
        .only(Set.of("state", "kpis"))
        .run(
            runner.context(third, RunOptions.defaults()), Set.of("ingest", "silver", "settlement"));
    Steps.nightly()
        .only(Set.of("ingest", "silver", "state", "kpis"))
        .run(runner.context(FROM.plusDays(DAYS - 1L), RunOptions.defaults()), Set.of("settlement"));
  }

  @Test
  void dailyAndMonthlyKpisAgreeWithDuckDb() throws Exception {
    Map<String, Map<String, Object>> refDaily;
    Map<String, Map<String, Object>> refMonthly;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      prepare(c);
      for (String sql : statements()) {
        try (Statement s = c.createStatement()) {
          s.execute(sql);
        }
      }
      refDaily = rows(c, "SELECT CAST(date AS VARCHAR) AS k, * FROM ref_daily");
      refMonthly = rows(c, "SELECT month AS k, * FROM ref_monthly");
    }
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    Map<String, Map<String, Object>> daily = gold(wh.gold("daily_kpis"), "date");
    Map<String, Map<String, Object>> monthly = gold(wh.gold("monthly_kpis"), "month");

    assertEquals(DAYS, refDaily.size());
    assertEquals(refDaily.keySet(), daily.keySet());
    assertEquals(refMonthly.keySet(), monthly.keySet());
    assertTrue(
        refDaily.values().stream().mapToLong(r -> ((Number) r.get("dau")).longValue()).sum() > 0);
    List<String> diffs = new ArrayList<>();
    compare("daily_kpis", refDaily, daily, DAILY, diffs);
    compare("monthly_kpis", refMonthly, monthly, MONTHLY, diffs);
    for (Map<String, Object> r : daily.values()) {
      same("daily_kpis compensation", BigDecimal.ZERO, r.get("compensation"), diffs);
    }
    assertEquals(List.of(), diffs);
  }

  private static void compare(
      String table,
      Map<String, Map<String, Object>> ref,
      Map<String, Map<String, Object>> got,
      List<String> columns,
      List<String> diffs) {
    for (String key : ref.keySet()) {
      for (String col : columns) {
        same(table + " " + key + " " + col, ref.get(key).get(col), got.get(key).get(col), diffs);
      }
    }
  }

  private static void same(String what, Object want, Object got, List<String> diffs) {
    boolean ok;
    if (want == null || got == null) {
      ok = want == null && got == null;
    } else if (want instanceof BigDecimal || got instanceof BigDecimal) {
      ok = new BigDecimal(want.toString()).compareTo(new BigDecimal(got.toString())) == 0;
    } else if (want instanceof Double || got instanceof Double) {
      double a = ((Number) want).doubleValue();
      double b = ((Number) got).doubleValue();
      ok = Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.abs(a));
    } else {
      ok = ((Number) want).longValue() == ((Number) got).longValue();
    }
    if (!ok) {
      diffs.add(what + ": duckdb " + want + " vs gold " + got);
    }
  }

  private static Map<String, Map<String, Object>> gold(String path, String key) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Row r : spark.read().format("delta").load(path).collectAsList()) {
      Map<String, Object> m = new TreeMap<>();
      for (String f : r.schema().fieldNames()) {
        m.put(f, r.getAs(f));
      }
      out.put(String.valueOf(r.<Object>getAs(key)), m);
    }
    return out;
  }

  private static Map<String, Map<String, Object>> rows(Connection c, String sql)
      throws SQLException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          m.put(md.getColumnLabel(i), rs.getObject(i));
        }
        out.put(rs.getString("k"), m);
      }
    }
    return out;
  }

  /** The run calendar and the conf commission rates, as tables the reference SQL reads. */
  private static void prepare(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE cal(first DATE, last DATE)");
      s.execute("CREATE TABLE rates(category_id VARCHAR, rate DECIMAL(12, 8))");
      s.execute("CREATE TABLE default_rate(rate DECIMAL(12, 8))");
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO cal VALUES (CAST(? AS DATE), CAST(? AS DATE))")) {
      p.setString(1, FROM.toString());
      p.setString(2, FROM.plusDays(DAYS - 1).toString());
      p.execute();
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO rates VALUES (?, CAST(? AS DECIMAL(12, 8)))")) {
      for (Map.Entry<String, BigDecimal> e : cfg.metrics().commissionRates().entrySet()) {
        p.setString(1, e.getKey());
        p.setString(2, e.getValue().toPlainString());
        p.execute();
      }
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO default_rate VALUES (CAST(? AS DECIMAL(12, 8)))")) {
      p.setString(1, cfg.metrics().defaultCommissionRate().toPlainString());
      p.execute();
    }
  }

  /** The reference SQL with the file readers of each source filled in. */
  private static List<String> statements() {
    String text;
    try (InputStream in = KpisDifferentialTest.class.getResourceAsStream("reference_kpis.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path landing = root.resolve("landing");
    text =
        text.replace(
            "${orders_files}",
            readers(
                landing.resolve("orders"),
                "event_id:VARCHAR,event_type:VARCHAR,order_id:VARCHAR,user_id:VARCHAR,merchant_id:VARCHAR,"
                    + "item_id:VARCHAR,category_id:VARCHAR,quantity:VARCHAR,amount:VARCHAR,pay_method:VARCHAR,"
                    + "event_time:VARCHAR"));
    text =
        text.replace(
            "${ad_events_files}",
            readers(
                landing.resolve("ad_events"),
                "event_id:VARCHAR,event_type:VARCHAR,campaign_id:VARCHAR,merchant_id:VARCHAR,item_id:VARCHAR,"
                    + "channel:VARCHAR,user_id:VARCHAR,cost:VARCHAR,event_time:VARCHAR"));
    text =
        text.replace(
            "${user_activity_files}",
            readers(
                landing.resolve("user_activity"),
                "event_id:VARCHAR,user_id:VARCHAR,event_type:VARCHAR,source:VARCHAR,item_id:VARCHAR,"
                    + "category_id:VARCHAR,event_time:VARCHAR"));
    List<String> out = new ArrayList<>();
    for (String stmt : text.split(";\\s*\\n")) {
      String body =
          stmt.lines()
              .filter(l -> !l.strip().startsWith("--"))
              .collect(Collectors.joining("\n"))
              .strip();
      if (!body.isEmpty()) {
        out.add(body);
      }
    }
    return out;
  }

  /** DuckDB readers for every landing file of a source, all fields as text, file name kept. */
  private static String readers(Path sourceDir, String fields) {
    List<String> files;
    try (Stream<Path> s = Files.walk(sourceDir)) {
      files = s.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String columns =
        Stream.of(fields.split(","))
            .map(f -> f.split(":"))
            .map(f -> "'" + f[0] + "': '" + f[1] + "'")
            .collect(Collectors.joining(", ", "{", "}"));
    List<String> parts = new ArrayList<>();
    List<String> json =
        files.stream().filter(f -> f.endsWith(".jsonl") || f.endsWith(".jsonl.gz")).toList();
    List<String> csv =
        files.stream().filter(f -> f.endsWith(".csv") || f.endsWith(".csv.gz")).toList();
    List<String> parquet = files.stream().filter(f -> f.endsWith(".parquet")).toList();
    if (!json.isEmpty()) {
      parts.add(
          "SELECT * FROM read_json("
              + list(json)
              + ", format = 'newline_delimited', columns = "
              + columns
              + ", ignore_errors = true, filename = true)");
    }
    if (!csv.isEmpty()) {
      parts.add(
          "SELECT * FROM read_csv("
              + list(csv)
              + ", header = true, delim = ',', quote = '\"',"
              + " escape = '\"', all_varchar = true, ignore_errors = true, filename = true,"
              + " union_by_name = true)");
    }
    if (!parquet.isEmpty()) {
      parts.add(
          "SELECT * FROM read_parquet("
              + list(parquet)
              + ", filename = true, union_by_name = true)");
    }
    return String.join("\nUNION ALL BY NAME\n", parts);
  }

  private static String list(List<String> files) {
    return files.stream()
        .map(f -> "'" + f.replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
