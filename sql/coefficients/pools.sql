-- Grain: one row per (merchant category, channel), one per channel (is_global = 1, category
--   NULL) and one over every campaign-channel (all_channels = 1, is_global = 1, channel NULL):
--   the pooled estimates that every campaign-channel is shrunk towards.
-- Key: category_id, channel, is_global, all_channels.
-- Upstream: coef_fit_stats (fit_stats.sql), coef_noise (noise.sql), coef_active.
-- Notes: per campaign-channel (fit_stats.sql's relative model gmv = G (1 + b u + c v)):
--   own b and c by least squares (days >= 3 and spend varying) and rho, the relative variance
--   of a day around its curve (both from noise.sql).
--   Pooled b and c: fixed-effects least squares over the pool's campaign-channels, each weighted
--   by 1 / rho. tau2: between-campaign variance of true b (DerSimonian-Laird: the spread of
--   own b beyond their sampling variance rho * svv / det, at least :tau2_min). log_roi: the
--   days-weighted mean log ROI (half an order added to the GMV, so a channel without orders has
--   a finite ROI); tau2_roi: the between-campaign variance of log ROI the same way (sampling
--   variance rho / n), at least :tau2_min. spend_var: mean u^2 of a day (the information in a
--   day about b). rho0: the modelled noise beyond whole orders (noise.sql), for reference.
WITH g AS (
  SELECT s.*, a.category_id, z.b_own, z.c_own, z.rho, z.rho0,
         s.sg / s.n AS gs,
         s.suu * s.svv - s.suv * s.suv AS det,
         LN((s.total_gmv + :pseudo_orders * s.aov) / s.total_spend) AS log_roi
  FROM coef_fit_stats s
  JOIN coef_active a ON a.campaign_id = s.campaign_id
  JOIN coef_noise z ON z.campaign_id = s.campaign_id AND z.channel = s.channel
),
weighted AS (
  SELECT *,
         CASE WHEN gs > 0 THEN 1.0 / rho END AS w,
         CASE WHEN b_own IS NOT NULL THEN det / (rho * svv) END AS prec,
         n / rho AS roi_prec
  FROM g
),
sums AS (
  SELECT category_id, channel, GROUPING(category_id) AS is_global,
         GROUPING(channel) AS all_channels,
         COUNT(b_own) AS groups,
         SUM(n) AS days,
         MAX(rho0) AS rho0,
         SUM(n * log_roi) / SUM(n) AS log_roi,
         SUM(CASE WHEN b_own IS NOT NULL THEN w * suu END) AS a11,
         SUM(CASE WHEN b_own IS NOT NULL THEN w * suv END) AS a12,
         SUM(CASE WHEN b_own IS NOT NULL THEN w * svv END) AS a22,
         SUM(CASE WHEN b_own IS NOT NULL THEN w * sgu / gs END) AS r1,
         SUM(CASE WHEN b_own IS NOT NULL THEN w * sgv / gs END) AS r2,
         SUM(CASE WHEN b_own IS NOT NULL THEN suu END) / SUM(CASE WHEN b_own IS NOT NULL THEN n END)
           AS spend_var,
         SUM(prec) AS sp, SUM(prec * b_own) AS spb, SUM(prec * b_own * b_own) AS spb2,
         SUM(prec * prec) AS sp2,
         COUNT(*) AS roi_groups,
         SUM(roi_prec) AS rp, SUM(roi_prec * log_roi) AS rpl, SUM(roi_prec * log_roi * log_roi) AS rpl2,
         SUM(roi_prec * roi_prec) AS rp2
  FROM weighted
  GROUP BY GROUPING SETS ((category_id, channel), (channel), ())
)
SELECT category_id, channel, is_global, all_channels, groups, days, rho0, log_roi, spend_var,
       CASE WHEN a11 * a22 - a12 * a12 > 1e-12 THEN (a22 * r1 - a12 * r2) / (a11 * a22 - a12 * a12)
            WHEN a11 > 0 THEN r1 / a11 END AS b_pool,
       CASE WHEN a11 * a22 - a12 * a12 > 1e-12 THEN (a11 * r2 - a12 * r1) / (a11 * a22 - a12 * a12)
            ELSE 0.0 END AS c_pool,
       GREATEST(:tau2_min, COALESCE(
         (spb2 - spb * spb / sp - (groups - 1)) / NULLIF(sp - sp2 / sp, 0), 0)) AS tau2,
       GREATEST(:tau2_min, COALESCE(
         (rpl2 - rpl * rpl / rp - (roi_groups - 1)) / NULLIF(rp - rp2 / rp, 0), 0)) AS tau2_roi
FROM sums
