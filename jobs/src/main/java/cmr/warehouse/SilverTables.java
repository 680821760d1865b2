package cmr.warehouse;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one registry of the silver tables' schemas (what {@code sql/silver/<source>.sql} writes,
 * docs/architecture.md), and their readers. A table that does not exist yet (no rows of that kind
 * ever arrived) reads as empty with its schema, so a young warehouse is not an error. Cost: nothing
 * until a query filters and reads them.
 */
public final class SilverTables {
  private static final DataType MONEY = DataTypes.createDecimalType(18, 2);

  public static final StructType ORDERS =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("order_id", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("category_id", DataTypes.StringType)
          .add("quantity", DataTypes.IntegerType)
          .add("amount", MONEY)
          .add("pay_method", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType)
          .add("event_date", DataTypes.DateType)
          .add("arrival_date", DataTypes.DateType);

  public static final StructType AD_EVENTS =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("campaign_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("cost", MONEY)
          .add("event_time", DataTypes.TimestampType)
          .add("event_date", DataTypes.DateType)
          .add("arrival_date", DataTypes.DateType);

  public static final StructType USER_ACTIVITY =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("category_id", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType)
          .add("event_date", DataTypes.DateType)
          .add("arrival_date", DataTypes.DateType);

  public static final StructType USERS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("registered_date", DataTypes.DateType)
          .add("taoqi_score", DataTypes.IntegerType)
          .add("vip88", DataTypes.BooleanType)
          .add("snapshot_date", DataTypes.DateType);

  public static final StructType MERCHANTS =
      new StructType()
          .add("merchant_id", DataTypes.StringType)
          .add("merchant_type", DataTypes.StringType)
          .add("segment", DataTypes.StringType)
          .add("category_id", DataTypes.StringType)
          .add("snapshot_date", DataTypes.DateType);

  public static final StructType CAMPAIGNS =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("campaign_type", DataTypes.StringType)
          .add("daily_budget", MONEY)
          .add("target_roi", DataTypes.createDecimalType(24, 10))
          .add("start_date", DataTypes.DateType)
          .add("end_date", DataTypes.DateType)
          .add("snapshot_date", DataTypes.DateType);

  /** Every silver table by name (the source it is built from). */
  public static final Map<String, StructType> SCHEMAS =
      Map.of(
          "orders",
          ORDERS,
          "ad_events",
          AD_EVENTS,
          "user_activity",
          USER_ACTIVITY,
          "users",
          USERS,
          "merchants",
          MERCHANTS,
          "campaigns",
          CAMPAIGNS);

  private SilverTables() {}

  /** {@code silver/<name>}, or an empty frame with its schema. */
  public static Dataset<Row> read(SparkSession spark, Warehouse wh, String name) {
    StructType schema = SCHEMAS.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no silver table " + name);
    }
    return read(spark, wh.silver(name), schema);
  }

  /** {@code silver/orders}, or an empty frame with its schema. */
  public static Dataset<Row> orders(SparkSession spark, Warehouse wh) {
    return read(spark, wh, "orders");
  }

  /** {@code silver/ad_events}, or an empty frame with its schema. */
  public static Dataset<Row> adEvents(SparkSession spark, Warehouse wh) {
    return read(spark, wh, "ad_events");
  }

  /** {@code silver/campaigns} (every snapshot), or an empty frame with its schema. */
  public static Dataset<Row> campaigns(SparkSession spark, Warehouse wh) {
    return read(spark, wh, "campaigns");
  }

  /** A Delta table by path, or an empty frame of {@code schema} when there is none yet. */
  public static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    if (Warehouse.exists(spark, path)) {
      return spark.read().format("delta").load(path);
    }
    return spark.createDataFrame(List.<Row>of(), schema);
  }
}
