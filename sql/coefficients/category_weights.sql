-- Grain: one row per (merchant category, channel) of coef_pools.
-- Key: category_id, channel.
-- Upstream: coef_fit_stats (fit_stats.sql), coef_noise (noise.sql), coef_active, coef_pools
--   (pools.sql).
-- Notes: how far a campaign's prior leans on its category's pool rather than on the channel's
--   global one (curves.sql: prior = w * category + (1 - w) * global), for the slope (w_b) and
--   the log ROI (w_roi). A category pool is worth following only as far as categories really
--   differ: w = tau2_cat / (tau2_cat + var_cat), where
--   * var_cat is the sampling variance of the category's estimate, counting both each series'
--     noise and the spread of true values between its campaigns (tau2; a category of a few
--     campaigns is mostly those campaigns' luck). For the slope, pools.sql's b_pool weighs each
--     series by suu / rho (ignoring its coupling with c): var = (tau2 * sum (suu/rho)^2 +
--     sum suu/rho) / (sum suu/rho)^2, with tau2 the one over every campaign-channel. For the log
--     ROI, the days-weighted mean: var = sum n^2 (tau2_roi + rho / n) / (sum n)^2, with the
--     channel's tau2_roi.
--   * tau2_cat is the variance of the true category values of the channel beyond that sampling
--     variance, between its categories (DerSimonian-Laird, as pools.sql does between campaigns;
--     at least 0): 0 where the categories differ no more than their noise, and then every prior
--     is the channel's global one; large where they differ, and then a category with many
--     campaigns keeps its own.
--   A channel with fewer than two categories that have an estimate (nothing to compare) gets
--   w = groups / (groups + :pool_groups), the fixed rule.
--   The variances use tau2 and tau2_roi, which include the spread between categories, so
--   var_cat is if anything too large and w leans towards the global pool: the cautious side.
WITH series AS (
  SELECT a.category_id, s.channel, s.n, s.suu, z.rho, z.b_own
  FROM coef_fit_stats s
  JOIN coef_active a ON a.campaign_id = s.campaign_id
  JOIN coef_noise z ON z.campaign_id = s.campaign_id AND z.channel = s.channel
),
sampling AS (
  SELECT x.category_id, x.channel,
         (MAX(t.tau2) * SUM(CASE WHEN x.b_own IS NOT NULL THEN POW(x.suu / x.rho, 2) END)
          + SUM(CASE WHEN x.b_own IS NOT NULL THEN x.suu / x.rho END))
           / POW(SUM(CASE WHEN x.b_own IS NOT NULL THEN x.suu / x.rho END), 2) AS var_b,
         SUM(x.n * x.n * (g.tau2_roi + x.rho / x.n)) / POW(SUM(x.n), 2) AS var_roi
  FROM series x
  CROSS JOIN (SELECT MAX(tau2) AS tau2 FROM coef_pools WHERE all_channels = 1) t
  JOIN coef_pools g ON g.is_global = 1 AND g.all_channels = 0 AND g.channel = x.channel
  GROUP BY x.category_id, x.channel
),
cats AS (
  SELECT p.category_id, p.channel, p.groups, p.b_pool, p.log_roi, s.var_b, s.var_roi
  FROM coef_pools p
  JOIN sampling s ON s.category_id <=> p.category_id AND s.channel = p.channel
  WHERE p.is_global = 0
),
spread AS (
  SELECT channel,
         COUNT(CASE WHEN b_pool IS NOT NULL AND var_b > 0 THEN 1 END) AS k_b,
         SUM(CASE WHEN b_pool IS NOT NULL AND var_b > 0 THEN 1 / var_b END) AS sw_b,
         SUM(CASE WHEN b_pool IS NOT NULL AND var_b > 0 THEN b_pool / var_b END) AS swx_b,
         SUM(CASE WHEN b_pool IS NOT NULL AND var_b > 0 THEN b_pool * b_pool / var_b END) AS swxx_b,
         SUM(CASE WHEN b_pool IS NOT NULL AND var_b > 0 THEN 1 / (var_b * var_b) END) AS sww_b,
         COUNT(CASE WHEN log_roi IS NOT NULL AND var_roi > 0 THEN 1 END) AS k_r,
         SUM(CASE WHEN log_roi IS NOT NULL AND var_roi > 0 THEN 1 / var_roi END) AS sw_r,
         SUM(CASE WHEN log_roi IS NOT NULL AND var_roi > 0 THEN log_roi / var_roi END) AS swx_r,
         SUM(CASE WHEN log_roi IS NOT NULL AND var_roi > 0 THEN log_roi * log_roi / var_roi END)
           AS swxx_r,
         SUM(CASE WHEN log_roi IS NOT NULL AND var_roi > 0 THEN 1 / (var_roi * var_roi) END) AS sww_r
  FROM cats
  GROUP BY channel
),
tau AS (
  SELECT channel, k_b, k_r,
         CASE WHEN k_b >= 2 THEN GREATEST(0.0,
           (swxx_b - swx_b * swx_b / sw_b - (k_b - 1)) / (sw_b - sww_b / sw_b)) END AS tau2_b,
         CASE WHEN k_r >= 2 THEN GREATEST(0.0,
           (swxx_r - swx_r * swx_r / sw_r - (k_r - 1)) / (sw_r - sww_r / sw_r)) END AS tau2_r
  FROM spread
)
SELECT c.category_id, c.channel, c.groups, c.var_b, c.var_roi, t.tau2_b AS tau2_cat_b,
       t.tau2_r AS tau2_cat_roi,
       CASE WHEN t.tau2_b IS NULL OR c.var_b IS NULL THEN c.groups / (c.groups + :pool_groups)
            ELSE t.tau2_b / (t.tau2_b + c.var_b) END AS w_b,
       CASE WHEN t.tau2_r IS NULL OR c.var_roi IS NULL THEN c.groups / (c.groups + :pool_groups)
            ELSE t.tau2_r / (t.tau2_r + c.var_roi) END AS w_roi
FROM cats c
JOIN tau t ON t.channel = c.channel
