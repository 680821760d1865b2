package cmr.ops;

import static org.apache.spark.sql.functions.col;

import cmr.config.CmrConfig;
import cmr.export.ExportPublisher;
import cmr.ingest.Freshness;
import cmr.loader.PublishedFolder;
import cmr.loader.VersionedFolder;
import cmr.warehouse.Warehouse;
import cmr.warehouse.WarehouseLock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * What {@code cmr status} shows, from the warehouse alone: the last runs with each step's status,
 * duration and rows; the dates of a range never run or failed and not rerun; per source the last
 * arrival day seen and its rows against the trailing median; the live coefficient version and the
 * latest export with their age; the writer lock. {@link #attention()} lists what needs a human.
 */
public final class StatusReport {
  private static final List<String> SNAPSHOTS = List.of("users", "merchants", "campaigns");
  private final ObjectNode json = new ObjectMapper().createObjectNode();
  private final List<String> attention = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  /** Builds the report; {@code from}/{@code to} default to the first and latest date run. */
  public static StatusReport build(
      SparkSession spark, CmrConfig cfg, LocalDate from, LocalDate to, int lastRuns) {
    StatusReport r = new StatusReport();
    Warehouse wh = new Warehouse(cfg.paths().warehouse());
    r.json.put("warehouse", wh.root());
    r.text.append("warehouse ").append(wh.root()).append('\n');
    Dataset<Row> runs =
        Warehouse.exists(spark, wh.ops("job_runs"))
            ? spark.read().format("delta").load(wh.ops("job_runs"))
            : null;
    r.lock(cfg);
    r.lastRuns(runs, lastRuns);
    r.dates(runs, from, to);
    r.sources(spark, cfg, wh, runs);
    r.coefficients(cfg);
    r.exports(cfg);
    ArrayNode a = r.json.putArray("attention");
    r.attention.forEach(a::add);
    r.text.append('\n');
    if (r.attention.isEmpty()) {
      r.text.append("OK: nothing needs attention\n");
    } else {
      r.text.append("NEEDS ATTENTION (").append(r.attention.size()).append("):\n");
      r.attention.forEach(x -> r.text.append("  - ").append(x).append('\n'));
    }
    return r;
  }

  public List<String> attention() {
    return attention;
  }

  public String text() {
    return text.toString();
  }

  public String json() {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void lock(CmrConfig cfg) {
    Optional<WarehouseLock.Holder> h =
        WarehouseLock.holder(cfg.paths().warehouse(), cfg.hadoopSettings());
    ObjectNode o = json.putObject("lock");
    o.put("held", h.isPresent());
    text.append("\nwriter lock: ");
    if (h.isEmpty()) {
      text.append("free\n");
      return;
    }
    WarehouseLock.Holder x = h.get();
    long age = Duration.between(x.heartbeat(), Instant.now()).toSeconds();
    o.put("command", x.command());
    o.put("pid", x.pid());
    o.put("host", x.host());
    o.put("started", x.started().toString());
    o.put("heartbeat_age_seconds", age);
    text.append(
        String.format(
            "held by %s (pid %d on %s since %s, heartbeat %ds ago)%n",
            x.command(), x.pid(), x.host(), x.started(), age));
    if (age > cfg.operations().lockStaleAfter().toSeconds()) {
      attention.add("the writer lock's heartbeat is " + age + "s old: its holder died or hangs");
    }
  }

  private void lastRuns(Dataset<Row> runs, int n) {
    ArrayNode arr = json.putArray("last_runs");
    text.append("\nlast runs (newest first):\n");
    if (runs == null) {
      text.append("  none: no run has written ops/job_runs yet\n");
      attention.add("no run has been recorded in this warehouse");
      return;
    }
    List<Row> ids =
        runs.groupBy("run_id")
            .agg(org.apache.spark.sql.functions.min("started_at").as("s"))
            .orderBy(col("s").desc())
            .limit(n)
            .collectAsList();
    List<String> runIds = ids.stream().map(r -> r.getString(0)).toList();
    if (runIds.isEmpty()) {
      return;
    }
    // one line per (run, step): a range's per-day rows summed, failed if any day failed
    Map<String, List<Row>> byRun = new LinkedHashMap<>();
    runIds.forEach(id -> byRun.put(id, new ArrayList<>()));
    for (Row r :
        runs.where(col("run_id").isin(runIds.toArray()))
            .groupBy("run_id", "job")
            .agg(
                functions.min("run_date").as("first"),
                functions.max("run_date").as("last"),
                functions.count("*").as("days"),
                functions
                    .max(functions.when(col("status").equalTo("failed"), 1).otherwise(0))
                    .as("failed"),
                functions.min("started_at").as("started"),
                functions.max("ended_at").as("ended"),
                functions.sum("rows_in").as("rows_in"),
                functions.sum("rows_out").as("rows_out"),
                functions.first("error", true).as("error"))
            .orderBy("started", "job")
            .collectAsList()) {
      byRun.get(r.<String>getAs("run_id")).add(r);
    }
    for (Map.Entry<String, List<Row>> e : byRun.entrySet()) {
      ObjectNode run = arr.addObject();
      run.put("run_id", e.getKey());
      ArrayNode steps = run.putArray("steps");
      text.append("  run ").append(e.getKey()).append('\n');
      for (Row r : e.getValue()) {
        long ms =
            r.getTimestamp(r.fieldIndex("ended")).getTime()
                - r.getTimestamp(r.fieldIndex("started")).getTime();
        String dates =
            r.<Long>getAs("days") == 1
                ? r.getAs("first").toString()
                : r.getAs("first") + ".." + r.getAs("last");
        String status = r.<Integer>getAs("failed") == 1 ? "failed" : "succeeded";
        ObjectNode s = steps.addObject();
        s.put("dates", dates);
        s.put("job", r.<String>getAs("job"));
        s.put("status", status);
        s.put("seconds", ms / 1000.0);
        s.put("rows_in", r.<Long>getAs("rows_in"));
        s.put("rows_out", r.<Long>getAs("rows_out"));
        s.put("error", r.<String>getAs("error"));
        text.append(
            String.format(
                "    %-22s %-13s %-9s %7.1fs  in %,12d  out %,12d%s%n",
                dates,
                r.<String>getAs("job"),
                status,
                ms / 1000.0,
                r.<Long>getAs("rows_in"),
                r.<Long>getAs("rows_out"),
                r.getAs("error") == null ? "" : "  " + r.getAs("error")));
      }
    }
  }

  private void dates(Dataset<Row> runs, LocalDate from, LocalDate to) {
    ObjectNode o = json.putObject("dates");
    text.append("\ndates ");
    if (runs == null) {
      text.append("(none run)\n");
      return;
    }
    Row span =
        runs.where(col("job").equalTo("ingest").and(col("status").equalTo("succeeded")))
            .selectExpr("min(run_date)", "max(run_date)")
            .first();
    LocalDate a = from != null ? from : span.isNullAt(0) ? null : span.getDate(0).toLocalDate();
    LocalDate b = to != null ? to : span.isNullAt(1) ? null : span.getDate(1).toLocalDate();
    if (a == null || b == null) {
      text.append("(no date ingested yet)\n");
      return;
    }
    o.put("from", a.toString());
    o.put("to", b.toString());
    // per (date, job): the last attempt's status
    Map<LocalDate, Map<String, String>> last = new TreeMap<>();
    Map<LocalDate, Map<String, String>> errors = new TreeMap<>();
    for (Row r :
        runs.where(col("run_date").between(Date.valueOf(a), Date.valueOf(b)))
            .orderBy("ended_at")
            .select("run_date", "job", "status", "error")
            .collectAsList()) {
      LocalDate d = r.getDate(0).toLocalDate();
      last.computeIfAbsent(d, k -> new TreeMap<>()).put(r.getString(1), r.getString(2));
      errors.computeIfAbsent(d, k -> new TreeMap<>()).put(r.getString(1), r.getString(3));
    }
    List<String> missing = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    ArrayNode failedJson = o.putArray("failed");
    for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
      Map<String, String> jobs = last.get(d);
      if (jobs == null || !"succeeded".equals(jobs.get("ingest"))) {
        if (jobs == null || !jobs.containsValue("failed")) {
          missing.add(d.toString());
          continue;
        }
      }
      for (Map.Entry<String, String> j : jobs.entrySet()) {
        if (j.getValue().equals("failed") && !j.getKey().equals("nightly")) {
          failed.add(d + " (" + j.getKey() + ")");
          ObjectNode f = failedJson.addObject();
          f.put("date", d.toString());
          f.put("step", j.getKey());
          f.put("error", errors.get(d).get(j.getKey()));
        }
      }
    }
    ArrayNode m = o.putArray("never_run");
    missing.forEach(m::add);
    text.append(a).append(" .. ").append(b).append(":\n");
    text.append("  never run:                ")
        .append(missing.isEmpty() ? "none" : String.join(", ", missing))
        .append('\n');
    text.append("  failed and not rerun:     ")
        .append(failed.isEmpty() ? "none" : String.join(", ", failed))
        .append('\n');
    if (!missing.isEmpty()) {
      attention.add("dates never run: " + String.join(", ", missing));
    }
    if (!failed.isEmpty()) {
      attention.add("dates failed and not rerun: " + String.join(", ", failed));
    }
  }

  private void sources(SparkSession spark, CmrConfig cfg, Warehouse wh, Dataset<Row> runs) {
    ArrayNode arr = json.putArray("sources");
    text.append("\nsources (last arrival day seen, its rows, median of the days before):\n");
    String path = wh.ops("ingest_files");
    if (!Warehouse.exists(spark, path)) {
      text.append("  nothing ingested yet\n");
      return;
    }
    CmrConfig.Freshness f = cfg.operations().freshness();
    Map<String, TreeMap<LocalDate, Long>> rows = Freshness.rowsByDay(spark, wh, null, null);
    LocalDate latestRun =
        runs == null
            ? null
            : Optional.ofNullable(
                    runs.where(col("job").equalTo("ingest").and(col("status").equalTo("succeeded")))
                        .selectExpr("max(run_date)")
                        .first()
                        .getDate(0))
                .map(Date::toLocalDate)
                .orElse(null);
    List<String> all = new ArrayList<>(Freshness.FACTS);
    all.addAll(SNAPSHOTS);
    for (String source : all) {
      TreeMap<LocalDate, Long> byDay = rows.getOrDefault(source, new TreeMap<>());
      ObjectNode o = arr.addObject();
      o.put("source", source);
      boolean fact = Freshness.FACTS.contains(source);
      if (byDay.isEmpty()) {
        text.append(String.format("  %-14s never seen%n", source));
        o.putNull("last_arrival_day");
        if (fact) {
          attention.add(source + ": no file ever ingested");
        }
        continue;
      }
      LocalDate lastDay = byDay.lastKey();
      long n = byDay.get(lastDay);
      Double median = Freshness.median(byDay, lastDay, f);
      o.put("last_arrival_day", lastDay.toString());
      o.put("rows", n);
      if (median != null) {
        o.put("median_rows", median);
      }
      String note = "";
      if (fact && latestRun != null && lastDay.isBefore(latestRun)) {
        note = "STALE: no files since " + lastDay + " (latest date run " + latestRun + ")";
      } else if (fact && Freshness.problem(byDay, lastDay, f) != null) {
        note = "SHORT: " + Freshness.problem(byDay, lastDay, f);
      } else if (!fact) {
        note = "snapshot (no folder means unchanged)";
      }
      o.put("problem", note.startsWith("STALE") || note.startsWith("SHORT") ? note : null);
      text.append(
          String.format(
              "  %-14s %s  %,12d rows  median %s  %s%n",
              source, lastDay, n, median == null ? "-" : String.format("%,.0f", median), note));
      if (note.startsWith("STALE") || note.startsWith("SHORT")) {
        attention.add(source + ": " + note);
      }
    }
  }

  private void coefficients(CmrConfig cfg) {
    ObjectNode o = json.putObject("coefficients");
    PublishedFolder folder = new PublishedFolder(cfg.paths().publishedFolder());
    text.append("\nlive coefficient version: ");
    Optional<String> live;
    try {
      live = folder.live();
    } catch (RuntimeException e) {
      text.append("unreadable LATEST: ").append(e.getMessage()).append('\n');
      attention.add("coefficients: LATEST cannot be read: " + e.getMessage());
      return;
    }
    if (live.isEmpty()) {
      text.append("none published\n");
      o.putNull("live");
      return;
    }
    Duration age = Duration.between(PublishedFolder.createdAt(live.get()), Instant.now());
    o.put("live", live.get());
    o.put("run_date", VersionedFolder.dateOf(live.get()).toString());
    o.put("age_hours", age.toMinutes() / 60.0);
    text.append(live.get())
        .append(String.format(" (published %.1f hours ago)%n", age.toMinutes() / 60.0));
  }

  private void exports(CmrConfig cfg) {
    ObjectNode o = json.putObject("exports");
    Path dir = cfg.paths().exportsFolder();
    VersionedFolder folder = new VersionedFolder(dir);
    text.append("latest export:            ");
    Optional<String> p = folder.pointer();
    Optional<LocalDate> date = new ExportPublisher(dir, Duration.ZERO).latest();
    if (p.isEmpty() || date.isEmpty()) {
      text.append("none\n");
      o.putNull("latest");
      return;
    }
    o.put("latest", p.get());
    o.put("date", date.get().toString());
    o.put("index", dir.resolve(ExportPublisher.INDEX).toString());
    text.append(p.get()).append(" (").append(dir.resolve(p.get())).append(")\n");
  }
}
