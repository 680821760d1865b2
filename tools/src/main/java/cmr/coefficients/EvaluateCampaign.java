package cmr.coefficients;

import cmr.loader.CoefficientsFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs on the executors, once per campaign: the true GMV and spend (under the truth's Hill curves)
 * of the published plan, of the true optimum under the same budget and target ({@link
 * TrueOptimum}), and of the two baselines: the budget split evenly across the seven channels, and
 * split in proportion to each channel's historical ROI in the training window (evenly when the
 * campaign has no history). Input rows: one per channel with the truth's curve (absent: no
 * response) and the plan's spend.
 */
public final class EvaluateCampaign implements MapGroupsFunction<String, Row, Row> {
  public static final List<String> CHANNELS = CoefficientsFormat.AD_CHANNELS;

  public static final StructType SCHEMA =
      new StructType()
          .add("campaign_id", DataTypes.StringType)
          .add("campaign_days", DataTypes.IntegerType)
          .add("status", DataTypes.StringType)
          .add("budget", DataTypes.DoubleType)
          .add("target_roi", DataTypes.DoubleType)
          .add("ours_spend", DataTypes.DoubleType)
          .add("ours_gmv", DataTypes.DoubleType)
          .add("opt_spend", DataTypes.DoubleType)
          .add("opt_gmv", DataTypes.DoubleType)
          .add("even_spend", DataTypes.DoubleType)
          .add("even_gmv", DataTypes.DoubleType)
          .add("roi_split_spend", DataTypes.DoubleType)
          .add("roi_split_gmv", DataTypes.DoubleType);

  @Override
  public Row call(String campaignId, Iterator<Row> rows) {
    int n = CHANNELS.size();
    HillCurve[] curves = new HillCurve[n];
    double[] ours = new double[n];
    double[] histRoi = new double[n];
    for (int i = 0; i < n; i++) {
      curves[i] = new HillCurve(CHANNELS.get(i), 0, 1, 1);
    }
    double budget = 0;
    double target = 0;
    int days = 0;
    String status = null;
    List<Row> all = new ArrayList<>();
    rows.forEachRemaining(all::add);
    for (Row r : all) {
      budget = r.<Double>getAs("budget");
      target = r.<Double>getAs("target_roi");
      days = r.<Integer>getAs("campaign_days");
      status = r.getAs("status");
      int i = CHANNELS.indexOf(r.<String>getAs("channel"));
      if (i < 0) {
        continue;
      }
      if (r.getAs("gmax") != null) {
        curves[i] =
            new HillCurve(
                CHANNELS.get(i),
                r.<Double>getAs("gmax"),
                r.<Double>getAs("half_saturation"),
                r.<Double>getAs("hill"));
      }
      ours[i] = r.getAs("spend_plan") == null ? 0 : r.<Double>getAs("spend_plan");
      Double hs = r.getAs("hist_spend");
      Double hg = r.getAs("hist_gmv");
      histRoi[i] = hs != null && hs > 0 && hg != null ? hg / hs : 0;
    }
    double[] even = new double[n];
    java.util.Arrays.fill(even, budget / n);
    double roiSum = 0;
    for (double x : histRoi) {
      roiSum += x;
    }
    double[] split = new double[n];
    for (int i = 0; i < n; i++) {
      split[i] = roiSum > 0 ? budget * histRoi[i] / roiSum : budget / n;
    }
    TrueOptimum.Plan o = TrueOptimum.evaluate(curves, ours);
    TrueOptimum.Plan opt = TrueOptimum.solve(curves, budget, target);
    TrueOptimum.Plan e = TrueOptimum.evaluate(curves, even);
    TrueOptimum.Plan s = TrueOptimum.evaluate(curves, split);
    return RowFactory.create(
        campaignId,
        days,
        status,
        budget,
        target,
        o.totalSpend(),
        o.gmv(),
        opt.totalSpend(),
        opt.gmv(),
        e.totalSpend(),
        e.gmv(),
        s.totalSpend(),
        s.gmv());
  }
}
