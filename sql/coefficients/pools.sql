-- Grain: one row per (merchant category, channel) and one per channel (is_global = 1, category
--   NULL): the pooled estimates that cold starts are shrunk towards.
-- Key: category_id, channel, is_global.
-- Upstream: coef_fit_stats (fit_stats.sql), coef_active.
-- Notes: beta_pool is the within-campaign (fixed effects) slope sum(Sxy) / sum(Sxx) over the
--   pool's campaign-channels with >= 3 days and varying spend (centred sums: campaigns of
--   different size do not bias it). sigma2 is the residual variance of a day around its line;
--   tau2 the variance of true betas between campaigns (method of moments: spread of the
--   campaigns' own slopes minus their sampling noise, at least :tau2_min). log_roi is the
--   days-weighted mean log ROI of the pool (the level prior).
WITH g AS (
  SELECT s.*, a.category_id,
         s.sxx - s.sx * s.sx / s.n AS sxx_c,
         s.sxy - s.sx * s.sy / s.n AS sxy_c,
         s.syy - s.sy * s.sy / s.n AS syy_c,
         LN((s.total_gmv + :pseudo_orders * s.aov) / s.total_spend) AS log_roi
  FROM coef_fit_stats s
  JOIN coef_active a ON a.campaign_id = s.campaign_id
),
f AS (
  SELECT *,
         CASE WHEN n >= 3 AND sxx_c > 1e-6 THEN sxy_c / sxx_c END AS beta_hat
  FROM g
),
sums AS (
  SELECT category_id, channel, GROUPING(category_id) AS is_global,
         COUNT(beta_hat) AS groups,
         SUM(n) AS days,
         SUM(n * log_roi) / SUM(n) AS log_roi,
         SUM(CASE WHEN beta_hat IS NOT NULL THEN sxy_c END) AS sum_sxy,
         SUM(CASE WHEN beta_hat IS NOT NULL THEN sxx_c END) AS sum_sxx,
         SUM(CASE WHEN beta_hat IS NOT NULL THEN n END) AS fit_days,
         SUM(CASE WHEN beta_hat IS NOT NULL THEN syy_c - sxy_c * sxy_c / sxx_c END) AS rss,
         SUM(CASE WHEN beta_hat IS NOT NULL THEN n - 2 END) AS dof,
         SUM(beta_hat) AS sum_b,
         SUM(beta_hat * beta_hat) AS sum_b2,
         SUM(CASE WHEN beta_hat IS NOT NULL THEN 1.0 / sxx_c END) AS sum_inv_sxx
  FROM f
  GROUP BY GROUPING SETS ((category_id, channel), (channel))
),
fe AS (
  SELECT *, sum_sxy / sum_sxx AS beta_pool, rss / NULLIF(dof, 0) AS sigma2,
         sum_sxx / fit_days AS spend_var
  FROM sums
)
SELECT category_id, channel, is_global, groups, days, log_roi, beta_pool, sigma2, spend_var,
       GREATEST(:tau2_min,
                sum_b2 / groups - 2 * beta_pool * sum_b / groups + beta_pool * beta_pool
                - sigma2 * sum_inv_sxx / groups) AS tau2
FROM fe
