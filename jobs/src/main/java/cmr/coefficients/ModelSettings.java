package cmr.coefficients;

import cmr.config.CmrConfig;
import cmr.loader.CoefficientsFormat;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Every number of the response model and the allocation, from named config keys: the operational
 * ones from {@code cmr.coefficients}, the modelling constants from {@code cmr.coefficients.model}
 * (documented in docs/coefficients.md, and changed only together with a new evaluation).
 *
 * @param trainingDays window length in days, ending on the run date (conf)
 * @param coldStartDays a campaign with fewer days of spend is {@code cold_start} (conf)
 * @param priorDays minimum strength of the beta prior, in days of data (conf)
 * @param pseudoOrders GMV floor for the log, in average orders (a day with no GMV counts)
 * @param betaMin lower clamp of beta
 * @param betaMax upper clamp of beta (below 1: diminishing returns)
 * @param betaDefault beta of a channel nobody has spent on (it gets alpha 0 anyway)
 * @param tau2Min floor of the between-campaign variance of beta
 * @param poolGroups where a channel has a single category (nothing to compare it with), a category
 *     pool with this many campaign-channels counts half (category_weights.sql)
 * @param alphaPriorDays strength of the level prior, in days
 * @param capMultiplier the plan stays within this multiple of the largest spend observed
 * @param minChannelSpend a channel planned below this many CNY a day gets nothing
 * @param roiMarginOk the plan aims at target * (1 + margin) on the fitted curves: ok ...
 * @param roiMarginCold ... cold_start ...
 * @param roiMarginNone ... no_history
 * @param unseenShare a channel never observed may get this share of budget / (the number of
 *     channels)
 * @param floorMultiplier a channel is planned at least this multiple of its smallest observed
 *     spend, or not at all
 * @param rhoMin floor of the relative day noise beyond whole orders (rho0, noise.sql)
 * @param slopeMax upper clamp of the elasticity at the centre of the observed spends
 * @param rangePenalty ln gmv loses this times the squared distance (in ln spend) of a spend outside
 *     the range of spends observed in the channel
 * @param dayMinSeries a date needs this many campaign-channels for its own day factor
 *     (day_factors.sql)
 * @param dayNoise relative day noise beyond whole orders assumed when weighting the
 *     campaign-channels in the day factors
 * @param noiseDays strength, in degrees of freedom, of the modelled day noise {@code rho0 + aov /
 *     G} against a series' own residual variance (noise.sql)
 * @param lagMinDays a series needs this many pairs of consecutive spend days to count in the
 *     estimate of the response to yesterday's spend (lag.sql)
 * @param lagShareMax upper clamp of the share of the response that comes the next day
 */
public record ModelSettings(
    int trainingDays,
    int coldStartDays,
    double priorDays,
    double pseudoOrders,
    double betaMin,
    double betaMax,
    double betaDefault,
    double tau2Min,
    double poolGroups,
    double alphaPriorDays,
    double capMultiplier,
    double minChannelSpend,
    double roiMarginOk,
    double roiMarginCold,
    double roiMarginNone,
    double unseenShare,
    double floorMultiplier,
    double rhoMin,
    double slopeMax,
    double rangePenalty,
    double dayMinSeries,
    double dayNoise,
    double noiseDays,
    double lagMinDays,
    double lagShareMax)
    implements Serializable {

  /**
   * The settings of the configuration: the operational keys of {@code cmr.coefficients} and the
   * model's named keys of {@code cmr.coefficients.model} (every one of {@link
   * CmrConfig.Coefficients#MODEL_KEYS}, checked when the configuration is loaded).
   */
  public static ModelSettings from(CmrConfig.Coefficients c) {
    Map<String, Double> m = c.model();
    return new ModelSettings(
        c.trainingDays(),
        c.coldStartDays(),
        c.priorDays(),
        get(m, "pseudo_orders"),
        get(m, "beta_min"),
        get(m, "beta_max"),
        get(m, "beta_default"),
        get(m, "tau2_min"),
        get(m, "pool_groups"),
        get(m, "alpha_prior_days"),
        get(m, "cap_multiplier"),
        get(m, "min_channel_spend"),
        get(m, "roi_margin_ok"),
        get(m, "roi_margin_cold"),
        get(m, "roi_margin_none"),
        get(m, "unseen_share"),
        get(m, "floor_multiplier"),
        get(m, "rho_min"),
        get(m, "slope_max"),
        get(m, "range_penalty"),
        get(m, "day_min_series"),
        get(m, "day_noise"),
        get(m, "noise_days"),
        get(m, "lag_min_days"),
        get(m, "lag_share_max"));
  }

  /** A model key; CmrConfig has checked that every one is set. */
  private static double get(Map<String, Double> m, String key) {
    return m.get(key);
  }

  /** The least a funded channel may be planned: a multiple of its smallest observed spend. */
  public double minSpend(int daysObserved, double minObserved) {
    return Math.max(minChannelSpend, daysObserved > 0 ? floorMultiplier * minObserved : 0);
  }

  /** First day of the training window ending on {@code runDate}. */
  public LocalDate trainingFrom(LocalDate runDate) {
    return runDate.minusDays(trainingDays - 1L);
  }

  /** Status of a campaign with {@code days} days of spend in the window. */
  public String status(int days) {
    return days == 0 ? "no_history" : days < coldStartDays ? "cold_start" : "ok";
  }

  /**
   * The most a channel may be planned: {@code capMultiplier} times the largest daily spend seen
   * when it has days; for a campaign without history, {@code unseenShare} of an even share of the
   * budget ({@code budget} over the number of channels) on the pooled curve; nothing in a channel
   * that a campaign with history never used (there is no evidence that it responds at all).
   */
  public double maxSpend(int daysObserved, double maxObserved, double budget, String status) {
    if (daysObserved > 0) {
      return capMultiplier * maxObserved;
    }
    return status.equals("no_history")
        ? unseenShare * budget / CoefficientsFormat.AD_CHANNELS.size()
        : 0;
  }

  public double roiMargin(String status) {
    return switch (status) {
      case "ok" -> roiMarginOk;
      case "cold_start" -> roiMarginCold;
      default -> roiMarginNone;
    };
  }

  /** Named parameters of the SQL files under sql/coefficients/. */
  public Map<String, Object> sqlArgs(LocalDate runDate) {
    Map<String, Object> m = new HashMap<>();
    m.put("run_date", runDate);
    m.put("channels", CoefficientsFormat.AD_CHANNELS.toArray(String[]::new));
    m.put("from_date", trainingFrom(runDate));
    m.put("to_date", runDate);
    m.put("pseudo_orders", pseudoOrders);
    m.put("beta_min", betaMin);
    m.put("beta_max", betaMax);
    m.put("beta_default", betaDefault);
    m.put("tau2_min", tau2Min);
    m.put("pool_groups", poolGroups);
    m.put("prior_days", priorDays);
    m.put("alpha_prior_days", alphaPriorDays);
    m.put("rho_min", rhoMin);
    m.put("slope_max", slopeMax);
    m.put("day_min_series", dayMinSeries);
    m.put("day_noise", dayNoise);
    m.put("noise_days", noiseDays);
    m.put("lag_min_days", lagMinDays);
    m.put("lag_share_max", lagShareMax);
    return m;
  }
}
