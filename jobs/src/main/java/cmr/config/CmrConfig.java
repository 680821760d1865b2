package cmr.config;

import cmr.errors.Errors;
import cmr.loader.Coefficients;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one typed view of the configuration. No job reads raw config keys.
 *
 * <p>Precedence, highest first: {@code -Dkey=value} overrides given on the command line, then the
 * file named by {@code --conf}, then {@code conf/application.conf} packaged in the jar (the
 * embedded local defaults). Keys may be given with or without the {@code cmr.} prefix.
 */
public record CmrConfig(
    Paths paths,
    Ingest ingest,
    Metrics metrics,
    Attribution attribution,
    Settlement settlement,
    Coefficients coefficients,
    Dashboard dashboard,
    Publication publication,
    Operations operations,
    SparkSettings spark) {

  public record Paths(
      String landing, String warehouse, String published, String exports, String truth) {
    /** The published coefficients folder, resolved against the warehouse when relative. */
    private String publishedDir() {
      return underWarehouse(published);
    }

    private String exportsDir() {
      return underWarehouse(exports);
    }

    /**
     * The published coefficients folder as a local path. It must be on a local or mounted file
     * system: the bidder's loader reads it with plain file I/O, and publication relies on an atomic
     * rename over {@code LATEST}. Anything else (hdfs://, s3a://, or a relative path under such a
     * warehouse) is refused with a message that names the setting.
     */
    public Path publishedFolder() {
      return localFolder("paths.published", published, publishedDir());
    }

    /** The exports folder as a local path; local or mounted, as {@link #publishedFolder}. */
    public Path exportsFolder() {
      return localFolder("paths.exports", exports, exportsDir());
    }

    private String underWarehouse(String p) {
      if (p.startsWith("/") || p.contains("://") || p.startsWith("file:")) {
        return p;
      }
      return warehouse + "/" + p;
    }

    private static Path localFolder(String key, String configured, String resolved) {
      if (resolved.startsWith("file:")) {
        return Path.of(java.net.URI.create(resolved));
      }
      if (!resolved.contains("://")) {
        return Path.of(resolved);
      }
      String how =
          configured.equals(resolved)
              ? "is " + resolved
              : "is " + configured + ", which resolves under the warehouse to " + resolved;
      throw Errors.config(
          key,
          how + ": not a local or mounted folder",
          "set cmr."
              + key
              + " to an absolute folder on the driver's local or mounted file system (the bidder"
              + " and the dashboard readers read it as files, and publication renames within it);"
              + " see conf/cluster-example.conf");
    }
  }

  public record Ingest(
      int lateDays, double maxRejectRate, boolean quarantineUnreadableFiles, BigDecimal maxMoney) {}

  public record Metrics(
      int matureMinOrders,
      BigDecimal matureMinNetSpend,
      int tierWindowDays,
      int mauWindowDays,
      BigDecimal defaultCommissionRate,
      Map<String, BigDecimal> commissionRates) {}

  public record Attribution(int windowDays) {}

  public record Settlement(
      int cycleDays,
      BigDecimal minSpend,
      int minActiveDays,
      BigDecimal maxTargetRoi,
      int settlementLagDays) {}

  /** {@code model}: the response model's and the allocation's named numbers (ModelSettings). */
  public record Coefficients(
      int trainingDays,
      int coldStartDays,
      double priorDays,
      double maxDriftShare,
      double driftFactor,
      int keepVersions,
      Map<String, Double> model) {
    /** The model's numbers, each a named key under {@code cmr.coefficients.model}. */
    public static final List<String> MODEL_KEYS =
        List.of(
            "pseudo_orders",
            "beta_min",
            "beta_max",
            "beta_default",
            "tau2_min",
            "pool_groups",
            "alpha_prior_days",
            "cap_multiplier",
            "min_channel_spend",
            "roi_margin_ok",
            "roi_margin_cold",
            "roi_margin_none",
            "unseen_share",
            "floor_multiplier",
            "rho_min",
            "slope_max",
            "range_penalty",
            "day_min_series",
            "day_noise",
            "noise_days",
            "lag_min_days",
            "lag_share_max");
  }

  public record Dashboard(String locale) {}

  /**
   * {@code publication}: how long a version of the coefficients or of the dashboards stays after no
   * pointer names it any more, so that a reader that has just read the pointer finishes loading it
   * (longer than any reader's load).
   */
  public record Publication(java.time.Duration readerGrace) {}

  /**
   * {@code operations}: the writer lock (a lock whose heartbeat is older than {@code
   * lockStaleAfter} is taken over; the holder renews it every {@code lockHeartbeat}).
   */
  public record Operations(
      java.time.Duration lockStaleAfter,
      java.time.Duration lockHeartbeat,
      Freshness freshness,
      java.time.Duration vacuumRetention) {}

  /**
   * {@code operations.freshness}: how a fact source's delivery for a day is judged (see {@code
   * conf/application.conf}); {@code fail} true makes a problem fail the ingest (exit code 7).
   */
  public record Freshness(int medianDays, double minShare, int minHistoryDays, boolean fail) {}

  /** The spark.extra settings for Hadoop ({@code spark.hadoop.X}), as Hadoop keys {@code X}. */
  public Map<String, String> hadoopSettings() {
    Map<String, String> out = new TreeMap<>();
    spark
        .extra()
        .forEach(
            (k, v) -> {
              if (k.startsWith("spark.hadoop.")) {
                out.put(k.substring("spark.hadoop.".length()), v);
              }
            });
    return out;
  }

  public record SparkSettings(
      String master, String appName, int shufflePartitions, Map<String, String> extra) {}

  /** Loads the packaged defaults, then {@code confFile} (may be null), then {@code overrides}. */
  public static CmrConfig load(Path confFile, Map<String, String> overrides) {
    Config defaults =
        ConfigFactory.parseResources(
            "application.conf", ConfigParseOptions.defaults().setAllowMissing(false));
    Config merged = defaults;
    if (confFile != null) {
      if (!Files.isRegularFile(confFile)) {
        throw Errors.config(
            "--conf " + confFile,
            "the file does not exist",
            "pass the path of a HOCON file such as conf/cluster-example.conf");
      }
      merged = ConfigFactory.parseFile(confFile.toFile()).withFallback(merged);
    }
    if (overrides != null && !overrides.isEmpty()) {
      Map<String, Object> withPrefix = new LinkedHashMap<>();
      overrides.forEach((k, v) -> withPrefix.put(k.startsWith("cmr.") ? k : "cmr." + k, v));
      merged = ConfigFactory.parseMap(withPrefix).withFallback(merged);
    }
    try {
      return from(merged.resolve().getConfig("cmr"));
    } catch (ConfigException e) {
      throw Errors.config(
          "configuration",
          e.getMessage(),
          "fix the key in conf/application.conf, the --conf file or the -D override");
    }
  }

  /** The packaged defaults with {@code overrides} on top; convenient in tests. */
  public static CmrConfig defaults(Map<String, String> overrides) {
    return load(null, overrides);
  }

  static CmrConfig from(Config c) {
    Config comm = c.getConfig("metrics.commission");
    Map<String, BigDecimal> rates = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : comm.getConfig("rates").root().entrySet()) {
      rates.put(e.getKey(), new BigDecimal(e.getValue().unwrapped().toString()));
    }
    // Spark keys contain dots: "spark.ui.enabled" is one quoted key, but a shell strips the
    // quotes of -Dspark.extra."spark.x.y"=v and HOCON then reads nested objects; both spellings
    // mean the Spark key spark.x.y (the leaf's whole path below spark.extra).
    Map<String, String> extra = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.extra").entrySet()) {
      extra.put(
          String.join(".", ConfigUtil.splitPath(e.getKey())), e.getValue().unwrapped().toString());
    }
    CmrConfig cfg =
        new CmrConfig(
            new Paths(
                c.getString("paths.landing"),
                c.getString("paths.warehouse"),
                c.getString("paths.published"),
                c.getString("paths.exports"),
                c.getString("paths.truth")),
            new Ingest(
                c.getInt("ingest.late_days"),
                c.getDouble("ingest.max_reject_rate"),
                c.getBoolean("ingest.quarantine_unreadable_files"),
                dec(c, "ingest.max_money")),
            new Metrics(
                c.getInt("metrics.mature_min_orders"),
                dec(c, "metrics.mature_min_net_spend"),
                c.getInt("metrics.tier_window_days"),
                c.getInt("metrics.mau_window_days"),
                dec(comm, "default_rate"),
                Map.copyOf(rates)),
            new Attribution(c.getInt("attribution.window_days")),
            new Settlement(
                c.getInt("settlement.cycle_days"),
                dec(c, "settlement.min_spend"),
                c.getInt("settlement.min_active_days"),
                dec(c, "settlement.max_target_roi"),
                c.getInt("settlement.settlement_lag_days")),
            new Coefficients(
                c.getInt("coefficients.training_days"),
                c.getInt("coefficients.cold_start_days"),
                c.getDouble("coefficients.prior_days"),
                c.getDouble("coefficients.max_drift_share"),
                c.getDouble("coefficients.drift_factor"),
                c.getInt("coefficients.keep_versions"),
                doubles(c.getConfig("coefficients.model"))),
            new Dashboard(c.getString("dashboard.locale")),
            new Publication(c.getDuration("publication.reader_grace")),
            new Operations(
                c.getDuration("operations.lock_stale_after"),
                c.getDuration("operations.lock_heartbeat"),
                new Freshness(
                    c.getInt("operations.freshness.median_days"),
                    c.getDouble("operations.freshness.min_share"),
                    c.getInt("operations.freshness.min_history_days"),
                    onProblem(c.getString("operations.freshness.on_problem"))),
                c.getDuration("operations.vacuum_retention")),
            new SparkSettings(
                c.getString("spark.master"),
                c.getString("spark.app_name"),
                c.getInt("spark.shuffle_partitions"),
                Map.copyOf(extra)));
    cfg.validate();
    return cfg;
  }

  private static boolean onProblem(String v) {
    return switch (v) {
      case "warn" -> false;
      case "fail" -> true;
      default ->
          throw Errors.config("operations.freshness.on_problem", "is " + v, "use warn or fail");
    };
  }

  private static Map<String, Double> doubles(Config c) {
    Map<String, Double> m = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
      m.put(e.getKey(), c.getDouble(e.getKey()));
    }
    return Map.copyOf(m);
  }

  private static BigDecimal dec(Config c, String key) {
    return new BigDecimal(c.getValue(key).unwrapped().toString());
  }

  private void validate() {
    for (String k : coefficients.model().keySet()) {
      if (!Coefficients.MODEL_KEYS.contains(k)) {
        throw Errors.config(
            "coefficients.model." + k,
            "is not a setting of the model",
            "use one of " + String.join(", ", Coefficients.MODEL_KEYS));
      }
    }
    for (String k : Coefficients.MODEL_KEYS) {
      if (!coefficients.model().containsKey(k)) {
        throw Errors.config(
            "coefficients.model." + k,
            "is missing",
            "set it in the --conf file (the default is in conf/application.conf)");
      }
    }
    if (attribution.windowDays() < 1 || attribution.windowDays() > 30) {
      throw Errors.config(
          "attribution.window_days",
          "is " + attribution.windowDays(),
          "use a window of 1 to 30 days");
    }
    if (ingest.lateDays() < 0) {
      throw Errors.config("ingest.late_days", "is negative", "use 0 or more days");
    }
    if (settlement.settlementLagDays() < 0 || settlement.settlementLagDays() > ingest.lateDays()) {
      throw Errors.config(
          "settlement.settlement_lag_days",
          "is " + settlement.settlementLagDays(),
          "use 0 to ingest.late_days (" + ingest.lateDays() + ")");
    }
    if (ingest.maxRejectRate() < 0 || ingest.maxRejectRate() > 1) {
      throw Errors.config(
          "ingest.max_reject_rate", "is " + ingest.maxRejectRate(), "use a share between 0 and 1");
    }
    if (!dashboard.locale().equals("en") && !dashboard.locale().equals("zh-CN")) {
      throw Errors.config("dashboard.locale", "is " + dashboard.locale(), "use en or zh-CN");
    }
    if (operations.lockHeartbeat().compareTo(operations.lockStaleAfter()) >= 0
        || operations.lockHeartbeat().isNegative()
        || operations.lockHeartbeat().isZero()) {
      throw Errors.config(
          "operations.lock_heartbeat",
          "is " + operations.lockHeartbeat() + ", not shorter than lock_stale_after",
          "use a heartbeat well below operations.lock_stale_after (defaults 10s and 2m)");
    }
    long floorDays = Math.max(7, settlement.cycleDays() + ingest.lateDays());
    if (operations.vacuumRetention().compareTo(java.time.Duration.ofDays(floorDays)) < 0) {
      throw Errors.config(
          "operations.vacuum_retention",
          "is " + operations.vacuumRetention().toHours() + "h, shorter than " + floorDays + " days",
          "keep at least max(7 days, settlement.cycle_days + ingest.late_days) = "
              + floorDays
              + " days: time travel back over a settlement cycle and its late window (the"
              + " settlement audit) and Delta's own 7-day safety need it");
    }
    if (publication.readerGrace().isNegative()) {
      throw Errors.config(
          "publication.reader_grace", "is negative", "use a duration such as 10m (0 = none)");
    }
  }

  public CmrConfig withPaths(String landing, String warehouse) {
    return new CmrConfig(
        new Paths(
            landing == null ? paths.landing() : landing,
            warehouse == null ? paths.warehouse() : warehouse,
            paths.published(),
            paths.exports(),
            paths.truth()),
        ingest,
        metrics,
        attribution,
        settlement,
        coefficients,
        dashboard,
        publication,
        operations,
        spark);
  }
}
