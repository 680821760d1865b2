package cmr.attribution;

import cmr.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The silver tables attribution and settlement read (schemas of docs/architecture.md), opened
 * lazily as path-based Delta tables. A table that does not exist yet (no events of that kind
 * ever arrived) reads as empty with its schema, so a young warehouse is not an error. Cost:
 * nothing until a query filters and reads them.
 */
public final class SilverInputs {
  private static final DataType MONEY = DataTypes.createDecimalType(18, 2);

  public static final StructType ORDERS = new StructType()
      .add("event_id", DataTypes.StringType).add("event_type", DataTypes.StringType)
      .add("order_id", DataTypes.StringType).add("user_id", DataTypes.StringType)
      .add("merchant_id", DataTypes.StringType).add("item_id", DataTypes.StringType)
      .add("category_id", DataTypes.StringType).add("quantity", DataTypes.IntegerType)
      .add("amount", MONEY).add("pay_method", DataTypes.StringType)
      .add("event_time", DataTypes.TimestampType).add("event_date", DataTypes.DateType)
      .add("arrival_date", DataTypes.DateType);

  public static final StructType AD_EVENTS = new StructType()
      .add("event_id", DataTypes.StringType).add("event_type", DataTypes.StringType)
      .add("campaign_id", DataTypes.StringType).add("merchant_id", DataTypes.StringType)
      .add("item_id", DataTypes.StringType).add("channel", DataTypes.StringType)
      .add("user_id", DataTypes.StringType).add("cost", MONEY)
      .add("event_time", DataTypes.TimestampType).add("event_date", DataTypes.DateType)
      .add("arrival_date", DataTypes.DateType);

  public static final StructType CAMPAIGNS = new StructType()
      .add("campaign_id", DataTypes.StringType).add("merchant_id", DataTypes.StringType)
      .add("item_id", DataTypes.StringType).add("campaign_type", DataTypes.StringType)
      .add("daily_budget", MONEY).add("target_roi", DataTypes.createDecimalType(24, 10))
      .add("start_date", DataTypes.DateType).add("end_date", DataTypes.DateType)
      .add("snapshot_date", DataTypes.DateType);

  private SilverInputs() {}

  /** {@code silver/orders}, or an empty frame with its schema. */
  public static Dataset<Row> orders(SparkSession spark, Warehouse wh) {
    return read(spark, wh.silver("orders"), ORDERS);
  }

  /** {@code silver/ad_events}, or an empty frame with its schema. */
  public static Dataset<Row> adEvents(SparkSession spark, Warehouse wh) {
    return read(spark, wh.silver("ad_events"), AD_EVENTS);
  }

  /** {@code silver/campaigns} (every snapshot), or an empty frame with its schema. */
  public static Dataset<Row> campaigns(SparkSession spark, Warehouse wh) {
    return read(spark, wh.silver("campaigns"), CAMPAIGNS);
  }

  /** A Delta table by path, or an empty frame of {@code schema} when there is none yet. */
  public static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    if (Warehouse.exists(spark, path)) {
      return spark.read().format("delta").load(path);
    }
    return spark.createDataFrame(List.<Row>of(), schema);
  }
}
