-- Grain: one row per (active campaign, channel): the response curve the allocation uses, for all
--   seven channels: ln gmv(s) = ln(level) + slope * u + curvature * u^2, u = ln(s) - centre.
-- Key: campaign_id, channel.
-- Upstream: coef_active, coef_fit_stats, coef_noise (rho: the relative variance of a spend day),
--   coef_pools, coef_category_weights (category_weights.sql), coef_lag (lag.sql: the share of
--   the response paid the next day). (GMV here is divided by the market's day factors,
--   day_factors.sql, except hist_gmv: the GMV as attributed, for the baselines.)
-- Notes:
--   priors: the category pool shrunk towards the channel's global pool with the weights w_b
--     (slope b) and w_roi (log ROI) of category_weights.sql (a category counts as far as the
--     categories of the channel differ beyond their noise; a thin category leans on the global
--     estimate); the between-campaign variance tau2_roi of log ROI is the channel's
--     global one, the between-campaign variance tau2 of slopes the one over every campaign-channel
--     (the all_channels row: a channel's own DerSimonian-Laird estimate scattered from 0.0025
--     to 0.10 on the generator's data, whose channels share one distribution of true slopes;
--     the pooled one, 0.046, is steadier);
--     rho, the relative variance of the series' days, is its own (noise.sql). The curvature c is
--     pooled over every campaign-channel (the all_channels row) too: spends vary too little
--     within a campaign to tell one pool's curvature from another's (per channel the estimates
--     scattered by +-0.15 around a common true value on the simulated market, and clamping them
--     at 0 biased the mean).
--   slope: the own elasticity b1 = (sgu / G - c_prior * suv) / suu (with the pooled curvature),
--     whose sampling variance is rho / suu, shrunk towards the prior with weight suu / (suu + kappa),
--     kappa = max(rho / tau2, :prior_days * spend_var) (the prior counts at least :prior_days
--     days). No own estimate (one day, or no GMV on any spend day): the prior.
--   level: the ROI of the window's spend, shrunk towards the prior ROI (pooled log ROI plus the
--     campaign's own effect on its other channels) by adding k = rho / tau2_roi days of spend at
--     the prior ROI (in GMV, not in log: a channel without orders gets a low, finite ROI); level
--     is then the GMV of a day at the centre spend exp(xbar): mean GMV * (1 - c * m).
--   next day: the slope b_post and the all-channels pool's b, c and tau2 are the same-day
--     response; the steady-state one (today's spend answered today and tomorrow) is theirs
--     divided by 1 - lag_share (lag_factor; tau2 by its square).
--   curvature: the log curvature c - (b^2 + tau2) / 2 of the all-channels pool (E[ln g]'' of the
--     relative model), in [-1, 0].
--   level_var: the posterior variance of ln(level) (1 / (n / rho + 1 / tau2_roi)), for the ROI
--     safety margin.
--   A channel without days takes the prior ROI and slope at a spend of budget / (number of channels) (centre).
--   A channel no campaign spent on anywhere has level 0: it gets no spend.
WITH channels AS (
  SELECT explode(:channels) AS channel
),
campaign_days AS (
  SELECT d.campaign_id, COUNT(DISTINCT d.date) AS campaign_days
  FROM campaign_channel_daily d
  JOIN coef_active a ON a.campaign_id = d.campaign_id
  WHERE d.date BETWEEN :from_date AND :to_date AND d.spend > 0
  GROUP BY d.campaign_id
),
joined AS (
  SELECT a.campaign_id, a.merchant_id, a.category_id, a.daily_budget, a.target_roi, ch.channel,
         COALESCE(cd.campaign_days, 0) AS campaign_days,
         COALESCE(s.n, 0) AS n, s.xbar, s.m, s.suu, s.suv, s.sg, s.sgu,
         s.min_spend, s.max_spend, s.total_spend, s.total_gmv, s.raw_gmv, s.aov,
         LN((s.total_gmv + :pseudo_orders * s.aov) / s.total_spend) AS log_roi_own,
         gp.b_pool AS g_b, gp.log_roi AS g_log_roi,
         gp.tau2_roi, gp.spend_var,
         COALESCE(cw.w_b, 0.0) AS c_w_b, COALESCE(cw.w_roi, 0.0) AS c_w_roi, cp.b_pool AS c_b,
         cp.log_roi AS c_log_roi,
         ap.b_pool AS a_b, ap.c_pool AS a_c, ap.tau2 AS a_tau2, z.rho,
         1.0 / (1.0 - COALESCE(l.lag_share, 0.0)) AS lag_factor
  FROM coef_active a
  CROSS JOIN channels ch
  CROSS JOIN coef_lag l
  LEFT JOIN campaign_days cd ON cd.campaign_id = a.campaign_id
  LEFT JOIN coef_fit_stats s ON s.campaign_id = a.campaign_id AND s.channel = ch.channel
  LEFT JOIN coef_noise z ON z.campaign_id = a.campaign_id AND z.channel = ch.channel
  LEFT JOIN coef_pools gp ON gp.is_global = 1 AND gp.channel = ch.channel
  LEFT JOIN coef_pools cp ON cp.is_global = 0 AND cp.channel = ch.channel
                         AND cp.category_id = a.category_id
  LEFT JOIN coef_category_weights cw ON cw.channel = ch.channel AND cw.category_id = a.category_id
  LEFT JOIN coef_pools ap ON ap.all_channels = 1
),
priors AS (
  SELECT *,
         CASE WHEN c_b IS NULL THEN g_b ELSE c_w_b * c_b + (1 - c_w_b) * g_b END AS b_prior,
         COALESCE(a_c, 0) AS c_prior,
         CASE WHEN c_log_roi IS NULL THEN g_log_roi
              ELSE c_w_roi * c_log_roi + (1 - c_w_roi) * g_log_roi END AS pool_log_roi
  FROM joined
),
campaign_effect AS (
  SELECT campaign_id,
         COALESCE(SUM(n * (log_roi_own - pool_log_roi)), 0) / (SUM(n) + :alpha_prior_days)
           AS effect
  FROM priors
  WHERE n > 0 AND pool_log_roi IS NOT NULL
  GROUP BY campaign_id
),
slopes AS (
  SELECT p.*, COALESCE(e.effect, 0) AS effect,
         CASE WHEN n >= 2 AND sg > 0 AND suu > 1e-6
              THEN (sgu / (sg / n) - COALESCE(c_prior, 0) * suv) / suu END AS b_own,
         GREATEST(COALESCE(rho / a_tau2, 0), :prior_days * COALESCE(spend_var, 0)) AS kappa
  FROM priors p
  LEFT JOIN campaign_effect e ON e.campaign_id = p.campaign_id
),
posterior AS (
  SELECT *,
         CASE WHEN b_own IS NULL OR suu + kappa <= 0 THEN b_prior
              ELSE (suu * b_own + kappa * b_prior) / (suu + kappa) END AS b_post,
         EXP(pool_log_roi + effect) AS roi_prior,
         CASE WHEN n > 0 AND tau2_roi > 0 THEN rho / tau2_roi ELSE 0 END AS k_days
  FROM slopes
),
levels AS (
  SELECT *,
         CASE WHEN n > 0 AND pool_log_roi IS NULL THEN total_gmv / total_spend
              WHEN n > 0 THEN (total_gmv + k_days * roi_prior * total_spend / n)
                              / (total_spend + k_days * total_spend / n)
              ELSE roi_prior END AS roi_post,
         CASE WHEN n > 0 THEN 1 - COALESCE(c_prior, 0) * m ELSE 1 END AS centre_factor,
         CASE WHEN n > 0 THEN xbar ELSE LN(CAST(daily_budget AS DOUBLE) / size(:channels)) END AS centre,
         CASE WHEN n > 0 THEN total_spend / n ELSE CAST(daily_budget AS DOUBLE) / size(:channels) END AS mean_spend
  FROM posterior
)
SELECT campaign_id, merchant_id, category_id, daily_budget, target_roi, channel,
       CAST(campaign_days AS INT) AS campaign_days,
       CAST(n AS INT) AS days_observed,
       CASE WHEN roi_post IS NULL OR b_post IS NULL OR centre IS NULL THEN 0.0
            ELSE GREATEST(roi_post * mean_spend * centre_factor, 0.0) END AS level,
       COALESCE(centre, 0.0) AS centre,
       LEAST(:slope_max, GREATEST(:beta_min,
         COALESCE(lag_factor * b_post / centre_factor, :beta_default))) AS slope,
       LEAST(0.0, GREATEST(-1.0, COALESCE(
         lag_factor * a_c - lag_factor * lag_factor * (a_b * a_b + a_tau2) / 2, 0.0))) AS curvature,
       CASE WHEN n > 0 AND tau2_roi > 0 THEN 1.0 / (n / rho + 1.0 / tau2_roi)
            ELSE COALESCE(tau2_roi, 0.0) END AS level_var,
       COALESCE(min_spend, 0.0) AS min_observed,
       COALESCE(max_spend, 0.0) AS max_observed,
       COALESCE(total_spend, 0.0) AS hist_spend,
       COALESCE(raw_gmv, 0.0) AS hist_gmv
FROM levels
