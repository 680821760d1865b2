package cmr.spark;

import cmr.config.CmrConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession from config: Delta's extension and catalog, few shuffle partitions, AQE,
 * the session time zone. Under spark-submit the master comes from the submitter, not from config,
 * so the same jar runs on a cluster unchanged.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate(CmrConfig cfg) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(cfg.spark().appName())
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.shuffle.partitions", String.valueOf(cfg.spark().shufflePartitions()))
            .config("spark.sql.ansi.enabled", "false")
            // Delta 4.1.0's SQL parser drops Spark 4.1's parameter context (delta-io/delta#7640),
            // so
            // named parameters (:run_date) would be unbound; the legacy substitution binds them.
            .config("spark.sql.legacy.parameterSubstitution.constantsOnly", "true")
            // Event dates are Asia/Shanghai calendar dates (SPEC conventions): SQL uses
            // to_date(ts).
            .config("spark.sql.session.timeZone", "Asia/Shanghai");
    if (System.getProperty("spark.master") == null && System.getenv("SPARK_ENV_LOADED") == null) {
      b = b.master(cfg.spark().master());
    }
    for (Map.Entry<String, String> e : cfg.spark().extra().entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    spark.conf().set("spark.sql.session.timeZone", "Asia/Shanghai");
    return spark;
  }
}
