package cmr.export;

import cmr.sql.SqlFiles;
import cmr.warehouse.Warehouse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The gold tables that exist in a warehouse, registered as temporary views named after their folder
 * ({@code gold/daily_kpis} as {@code daily_kpis}), with their column names. Only gold is
 * registered: dashboards and {@code cmr sql} never see silver or bronze. Cost: one directory
 * listing and one Delta log read per table.
 */
public final class GoldCatalog {
  /** The SPEC §3 tables, plus the coefficient history the coefficients step keeps. */
  public static final List<String> KNOWN =
      List.of(
          "daily_kpis",
          "monthly_kpis",
          "new_users_by_source",
          "take_rate_by_dimension",
          "tier_mix",
          "tier_transitions",
          "campaign_channel_daily",
          "merchant_roi_daily",
          "merchant_roi_monthly",
          "quanzhantui_settlements",
          "allocation_coefficients");

  private final Map<String, Set<String>> columns;

  private GoldCatalog(Map<String, Set<String>> columns) {
    this.columns = columns;
  }

  /** Registers every Delta table under {@code <warehouse>/gold/} as a view; returns the catalog. */
  public static GoldCatalog register(SparkSession spark, Warehouse wh) {
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      return register(spark, wh, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * As {@link #register(SparkSession, Warehouse)}, reading the tables' Delta logs on {@code pool}.
   */
  public static GoldCatalog register(
      SparkSession spark, Warehouse wh, java.util.concurrent.ExecutorService pool) {
    SqlFiles.registerFunctions(
        spark); // cmr(...), take_rate(...), growth(...) for cells and cmr sql
    List<String> names = new ArrayList<>(KNOWN);
    for (String found : listGold(spark, wh)) {
      if (!names.contains(found)) {
        names.add(found);
      }
    }
    Map<String, java.util.concurrent.Future<org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>>>
        loads = new LinkedHashMap<>();
    for (String name : names) {
      String path = wh.gold(name);
      loads.put(
          name,
          pool.submit(
              () ->
                  Warehouse.exists(spark, path) ? spark.read().format("delta").load(path) : null));
    }
    Map<String, Set<String>> cols = new TreeMap<>();
    for (var e : loads.entrySet()) {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df;
      try {
        df = e.getValue().get();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw cmr.errors.Errors.step("export", wh.gold(e.getKey()), "interrupted", ex);
      } catch (java.util.concurrent.ExecutionException ex) {
        throw cmr.errors.Errors.step(
            "export",
            wh.gold(e.getKey()),
            "cannot be read: " + ex.getCause().getMessage(),
            ex.getCause());
      }
      if (df != null) {
        df.createOrReplaceTempView(e.getKey());
        cols.put(e.getKey(), Set.copyOf(Arrays.asList(df.columns())));
      } else {
        spark.catalog().dropTempView(e.getKey());
      }
    }
    return new GoldCatalog(cols);
  }

  private static List<String> listGold(SparkSession spark, Warehouse wh) {
    List<String> out = new ArrayList<>();
    try {
      Path gold = new Path(wh.root() + "/gold");
      FileSystem fs = gold.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(gold)) {
        for (FileStatus s : fs.listStatus(gold)) {
          if (s.isDirectory()
              && !s.getPath().getName().startsWith(".")
              && !s.getPath().getName().startsWith("_")) {
            out.add(s.getPath().getName());
          }
        }
      }
    } catch (IOException e) {
      throw cmr.errors.Errors.step(
          "export", wh.root() + "/gold", "cannot be listed: " + e.getMessage(), e);
    }
    out.sort(String::compareTo);
    return out;
  }

  /** Registered tables and their columns, by name. */
  public Map<String, Set<String>> tables() {
    return new LinkedHashMap<>(columns);
  }

  /**
   * The requirements ({@code table -> columns}) that are not met: tables absent, or lacking one of
   * the columns. Empty when the query can run.
   */
  public List<String> missing(Map<String, List<String>> required) {
    List<String> out = new ArrayList<>();
    required.forEach(
        (table, cols) -> {
          Set<String> have = columns.get(table);
          if (have == null) {
            out.add(table);
          } else {
            List<String> lacking = cols.stream().filter(c -> !have.contains(c)).toList();
            if (!lacking.isEmpty()) {
              out.add(table + " (lacks " + String.join(", ", lacking) + ")");
            }
          }
        });
    return out;
  }
}
