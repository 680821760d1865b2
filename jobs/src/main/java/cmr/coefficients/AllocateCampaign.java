package cmr.coefficients;

import cmr.warehouse.NamedRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

/**
 * Runs on the executors, once per campaign (its seven curve rows from curves.sql): the status, the
 * allocation ({@link Allocator}) and the rows of {@link HistoryRows#SCHEMA}. The target the plan
 * aims at on the fitted curves is the campaign's target ROI raised by the status's safety margin; a
 * campaign without a target (not expected for quanzhantui) plans nothing.
 */
public final class AllocateCampaign implements FlatMapGroupsFunction<String, Row, Row> {
  private final ModelSettings settings;
  private final LocalDate runDate;

  public AllocateCampaign(ModelSettings settings, LocalDate runDate) {
    this.settings = settings;
    this.runDate = runDate;
  }

  /** The inputs of one campaign's allocation and its result. */
  public record Planned(String status, ShapeCurve[] curves, Allocation allocation) {}

  /**
   * Plans one campaign from its curve rows (sorted by channel): the status from its days of
   * history, each channel's cap ({@link ModelSettings#maxSpend}) and the allocation.
   */
  public static Planned plan(ModelSettings settings, List<Row> in) {
    Row first = in.get(0);
    BigDecimal budgetDec = first.getAs("daily_budget");
    double budget = budgetDec == null ? 0 : budgetDec.doubleValue();
    Double target = first.getAs("target_roi");
    String status = settings.status(first.<Integer>getAs("campaign_days"));
    ShapeCurve[] curves = new ShapeCurve[in.size()];
    for (int i = 0; i < in.size(); i++) {
      Row r = in.get(i);
      int days = r.<Integer>getAs("days_observed");
      double centre = r.<Double>getAs("centre");
      // the range of spends seen in the channel, in u = ln(s) - centre (a channel without days
      // has none: its pooled curve is capped instead)
      double lowU =
          days > 0 ? Math.log(r.<Double>getAs("min_observed")) - centre : Double.NEGATIVE_INFINITY;
      double highU =
          days > 0 ? Math.log(r.<Double>getAs("max_observed")) - centre : Double.POSITIVE_INFINITY;
      curves[i] =
          new ShapeCurve(
              r.getAs("channel"),
              r.<Double>getAs("level"),
              centre,
              r.<Double>getAs("slope"),
              r.<Double>getAs("curvature"),
              settings.minSpend(days, r.<Double>getAs("min_observed")),
              settings.maxSpend(days, r.<Double>getAs("max_observed"), budget, status),
              settings.betaMin(),
              lowU,
              highU,
              settings.rangePenalty());
    }
    double margin = settings.roiMargin(status);
    Allocation a =
        target == null || target <= 0 || budget <= 0
            ? new Allocation(new double[in.size()], new double[in.size()], Double.POSITIVE_INFINITY)
            : Allocator.allocate(curves, budget, target * (1 + margin), settings.minChannelSpend());
    return new Planned(status, curves, a);
  }

  @Override
  public Iterator<Row> call(String campaignId, Iterator<Row> rows) {
    List<Row> in = new ArrayList<>(7);
    rows.forEachRemaining(in::add);
    in.sort(Comparator.comparing(r -> r.<String>getAs("channel")));
    Planned p = plan(settings, in);
    Allocation a = p.allocation();
    ShapeCurve[] curves = p.curves();
    Row first = in.get(0);
    BigDecimal budgetDec = first.getAs("daily_budget");
    int campaignDays = first.<Integer>getAs("campaign_days");
    double spend = round2(a.totalSpend());
    double gmv = a.totalGmv();
    Double roi = spend > 0 ? gmv / spend : null;
    Double mu = Double.isFinite(a.mu()) ? a.mu() : null;
    List<Row> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      Row r = in.get(i);
      // the file's power law: the curve's local approximation at the planned spend (at the centre
      // of the observed spends when unfunded), exact there; beta kept inside (0, 1)
      double at = a.spend()[i] > 0 ? a.spend()[i] : Math.exp(curves[i].centre());
      double beta =
          Math.min(settings.betaMax(), Math.max(settings.betaMin(), curves[i].localBeta(at)));
      double g = curves[i].gmv(at);
      double alpha = g > 0 && Double.isFinite(g) ? g / Math.pow(at, beta) : 0.0;
      out.add(
          NamedRow.of(HistoryRows.SCHEMA)
              .set("run_date", Date.valueOf(runDate))
              .set("campaign_id", campaignId)
              .set("channel", curves[i].channel())
              .set("merchant_id", r.getAs("merchant_id"))
              .set("category_id", r.getAs("category_id"))
              .set("budget", budgetDec)
              .set("target_roi", first.getAs("target_roi"))
              .set("status", p.status())
              .set("campaign_days", campaignDays)
              .set("days_observed", r.<Integer>getAs("days_observed"))
              .set("alpha", alpha)
              .set("beta", beta)
              .set("max_spend", curves[i].maxSpend())
              .set("hist_spend", r.<Double>getAs("hist_spend"))
              .set("hist_gmv", r.<Double>getAs("hist_gmv"))
              .set("weight", a.weight(i))
              .set("spend_plan", money(a.spend()[i]))
              .set("expected_channel_gmv", a.gmv()[i])
              .set("bid_multiplier", a.bidMultiplier())
              .set("mu", mu)
              .set("expected_spend", money(spend))
              .set("expected_gmv", money(gmv))
              .set("expected_roi", roi)
              .set("training_from", Date.valueOf(settings.trainingFrom(runDate)))
              .set("training_to", Date.valueOf(runDate))
              .row());
    }
    return out.iterator();
  }

  private static double round2(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }
}
