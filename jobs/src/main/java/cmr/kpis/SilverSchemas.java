package cmr.kpis;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

import java.util.Map;

/**
 * The silver and gold columns this step reads (docs/architecture.md, SPEC §3), used to stand in
 * an empty view for an input table that does not exist yet (a source that never had data).
 */
final class SilverSchemas {
  private static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

  static final Map<String, StructType> SCHEMAS = Map.of(
      "orders", new StructType()
          .add("event_id", DataTypes.StringType).add("event_type", DataTypes.StringType)
          .add("order_id", DataTypes.StringType).add("user_id", DataTypes.StringType)
          .add("merchant_id", DataTypes.StringType).add("item_id", DataTypes.StringType)
          .add("category_id", DataTypes.StringType).add("quantity", DataTypes.IntegerType)
          .add("amount", MONEY).add("pay_method", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType).add("event_date", DataTypes.DateType)
          .add("arrival_date", DataTypes.DateType),
      "ad_events", new StructType()
          .add("event_id", DataTypes.StringType).add("event_type", DataTypes.StringType)
          .add("campaign_id", DataTypes.StringType).add("merchant_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType).add("channel", DataTypes.StringType)
          .add("user_id", DataTypes.StringType).add("cost", MONEY)
          .add("event_time", DataTypes.TimestampType).add("event_date", DataTypes.DateType)
          .add("arrival_date", DataTypes.DateType),
      "user_activity", new StructType()
          .add("event_id", DataTypes.StringType).add("user_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType).add("source", DataTypes.StringType)
          .add("item_id", DataTypes.StringType).add("category_id", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType).add("event_date", DataTypes.DateType)
          .add("arrival_date", DataTypes.DateType),
      "users", new StructType()
          .add("user_id", DataTypes.StringType).add("registered_date", DataTypes.DateType)
          .add("taoqi_score", DataTypes.IntegerType).add("vip88", DataTypes.BooleanType)
          .add("snapshot_date", DataTypes.DateType),
      "merchants", new StructType()
          .add("merchant_id", DataTypes.StringType).add("merchant_type", DataTypes.StringType)
          .add("segment", DataTypes.StringType).add("category_id", DataTypes.StringType)
          .add("snapshot_date", DataTypes.DateType),
      "quanzhantui_settlements", new StructType()
          .add("campaign_id", DataTypes.StringType).add("cycle_start", DataTypes.DateType)
          .add("merchant_id", DataTypes.StringType).add("cycle_end", DataTypes.DateType)
          .add("compensation", MONEY));

  private SilverSchemas() {}
}
