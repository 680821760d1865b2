-- Grain: one row per (active campaign, channel): the response curve gmv = alpha * spend^beta the
--   allocation uses, for all seven channels.
-- Key: campaign_id, channel.
-- Upstream: coef_active, coef_fit_stats, coef_pools, gold campaign_channel_daily.
-- Notes:
--   beta: the campaign-channel's own slope shrunk towards the prior (the category pool, itself
--     shrunk towards the channel's global pool with weight groups / (groups + :pool_groups)),
--     with weight Sxx / (Sxx + kappa): Sxx grows by about spend_var per day observed, and
--     kappa = max(sigma2 / tau2, :prior_days * spend_var) is the prior's strength, at least
--     :prior_days days. Then clamped into [:beta_min, :beta_max] inside (0, 1).
--   level: alpha_own = (total_gmv + c) / sum(spend^beta) over the days with spend (a ratio
--     estimator: unbiased, unlike exp of the fitted intercept), then moved in log space by
--     :alpha_prior_days / (n + :alpha_prior_days) of the gap between the prior ROI (pool log ROI
--     plus the campaign's own effect measured on its other channels) and its own ROI. A channel
--     without days takes the prior ROI at a spend of budget / 7.
--   min_observed, max_observed: the range of daily spend seen (0 if none): the allocation keeps
--     the plan within it (AllocateCampaign), since the curve is not known outside.
--   A channel no campaign spent on anywhere has alpha 0: it gets no spend.
WITH channels AS (
  SELECT explode(array('search', 'homepage_feed', 'purchase_feed', 'display', 'live',
                       'offsite_wechat', 'offsite_xiaohongshu')) AS channel
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
         COALESCE(s.n, 0) AS n, s.min_spend, s.max_spend, s.total_spend, s.total_gmv, s.aov,
         s.sxx - s.sx * s.sx / s.n AS sxx_c,
         CASE WHEN s.n >= 3 AND s.sxx - s.sx * s.sx / s.n > 1e-6
              THEN (s.sxy - s.sx * s.sy / s.n) / (s.sxx - s.sx * s.sx / s.n) END AS beta_hat,
         LN((s.total_gmv + :pseudo_orders * s.aov) / s.total_spend) AS log_roi_own,
         gp.beta_pool AS g_beta, gp.log_roi AS g_log_roi, gp.sigma2, gp.tau2, gp.spend_var,
         COALESCE(cp.groups, 0) AS c_groups, cp.beta_pool AS c_beta, cp.log_roi AS c_log_roi
  FROM coef_active a
  CROSS JOIN channels ch
  LEFT JOIN campaign_days cd ON cd.campaign_id = a.campaign_id
  LEFT JOIN coef_fit_stats s ON s.campaign_id = a.campaign_id AND s.channel = ch.channel
  LEFT JOIN coef_pools gp ON gp.is_global = 1 AND gp.channel = ch.channel
  LEFT JOIN coef_pools cp ON cp.is_global = 0 AND cp.channel = ch.channel
                         AND cp.category_id = a.category_id
),
priors AS (
  SELECT *,
         (c_groups * COALESCE(c_beta, 0) + :pool_groups * g_beta) / (c_groups + :pool_groups)
           AS beta_prior,
         (c_groups * COALESCE(c_log_roi, 0) + :pool_groups * g_log_roi) / (c_groups + :pool_groups)
           AS pool_log_roi,
         GREATEST(COALESCE(sigma2 / tau2, 0), :prior_days * COALESCE(spend_var, 0)) AS kappa
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
betas AS (
  SELECT p.*, COALESCE(e.effect, 0) AS effect,
         LEAST(:beta_max, GREATEST(:beta_min,
           CASE WHEN beta_hat IS NULL OR sxx_c + kappa <= 0 THEN beta_prior
                ELSE (sxx_c * beta_hat + kappa * beta_prior) / (sxx_c + kappa) END)) AS beta
  FROM priors p
  LEFT JOIN campaign_effect e ON e.campaign_id = p.campaign_id
),
power_sums AS (
  SELECT d.campaign_id, d.channel, SUM(POW(CAST(d.spend AS DOUBLE), b.beta)) AS sum_pow
  FROM campaign_channel_daily d
  JOIN betas b ON b.campaign_id = d.campaign_id AND b.channel = d.channel
  WHERE d.date BETWEEN :from_date AND :to_date AND d.spend > 0
  GROUP BY d.campaign_id, d.channel
),
levels AS (
  SELECT b.*,
         CASE WHEN b.n > 0 THEN LN((b.total_gmv + :pseudo_orders * b.aov) / ps.sum_pow) END
           AS own_log_alpha
  FROM betas b
  LEFT JOIN power_sums ps ON ps.campaign_id = b.campaign_id AND ps.channel = b.channel
),
posterior AS (
  SELECT *,
         CASE WHEN n > 0 AND pool_log_roi IS NULL THEN own_log_alpha
              WHEN n > 0 THEN own_log_alpha + :alpha_prior_days / (n + :alpha_prior_days)
                                              * (pool_log_roi + effect - log_roi_own)
              ELSE pool_log_roi + effect + (1 - beta) * LN(CAST(daily_budget AS DOUBLE) / 7)
         END AS log_alpha
  FROM levels
)
SELECT campaign_id, merchant_id, category_id, daily_budget, target_roi, channel,
       CAST(campaign_days AS INT) AS campaign_days,
       CAST(n AS INT) AS days_observed,
       CASE WHEN log_alpha IS NULL OR beta IS NULL THEN 0.0 ELSE EXP(log_alpha) END AS alpha,
       COALESCE(beta, :beta_default) AS beta,
       COALESCE(min_spend, 0.0) AS min_observed,
       COALESCE(max_spend, 0.0) AS max_observed,
       COALESCE(total_spend, 0.0) AS hist_spend,
       COALESCE(total_gmv, 0.0) AS hist_gmv
FROM posterior
