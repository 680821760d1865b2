package cmr.coefficients;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of {@code gold/allocation_coefficients}: every trained set, one row per (run_date,
 * campaign, channel) for all seven channels, partitioned by run_date. Campaign-level values are
 * repeated on each of the campaign's rows. Money is DECIMAL(18,2); expected_roi is NULL when the
 * plan spends nothing.
 */
public final class HistoryRows {
  public static final String TABLE = "allocation_coefficients";
  private static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

  public static final StructType SCHEMA =
      new StructType()
          .add("run_date", DataTypes.DateType, false)
          .add("campaign_id", DataTypes.StringType, false)
          .add("channel", DataTypes.StringType, false)
          .add("merchant_id", DataTypes.StringType, true)
          .add("category_id", DataTypes.StringType, true)
          .add("budget", MONEY, true)
          .add("target_roi", DataTypes.DoubleType, true)
          .add("status", DataTypes.StringType, false)
          .add("campaign_days", DataTypes.IntegerType, false)
          .add("days_observed", DataTypes.IntegerType, false)
          .add("alpha", DataTypes.DoubleType, false)
          .add("beta", DataTypes.DoubleType, false)
          .add("max_spend", DataTypes.DoubleType, false)
          .add("hist_spend", DataTypes.DoubleType, false)
          .add("hist_gmv", DataTypes.DoubleType, false)
          .add("weight", DataTypes.DoubleType, false)
          .add("spend_plan", MONEY, false)
          .add("expected_channel_gmv", DataTypes.DoubleType, false)
          .add("bid_multiplier", DataTypes.DoubleType, false)
          .add("mu", DataTypes.DoubleType, true)
          .add("expected_spend", MONEY, false)
          .add("expected_gmv", MONEY, false)
          .add("expected_roi", DataTypes.DoubleType, true)
          .add("training_from", DataTypes.DateType, false)
          .add("training_to", DataTypes.DateType, false);

  private HistoryRows() {}
}
