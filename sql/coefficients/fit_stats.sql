-- Grain: one row per (campaign, channel) of an active campaign with at least one day of spend > 0
--   in the training window [:from_date, :to_date].
-- Key: campaign_id, channel.
-- Upstream: coef_points (daily_points.sql), coef_day_factors (day_factors.sql).
-- Notes: sufficient statistics of the relative response model over the days with spend > 0:
--     gmv_d / f_d = G * (1 + b * u_d + c * v_d) + noise
--   (u, v, xbar and m as in daily_points.sql; f_d the market's day factor, 1 on a date it does
--   not cover), so G is the mean GMV of a typical spend day. The model is linear in GMV, not in
--   log GMV: a day with spend but no attributed order is an ordinary point (GMV comes in whole
--   orders, often none), with no floor and no bias from a log. b is the elasticity of GMV to
--   spend at the centre, c the curvature (curves.sql turns both into a log-quadratic curve).
--   suu = sum u^2, suv = sum u^3, svv = sum v^2, sg = sum gmv, sgu = sum gmv * u,
--   sgv = sum gmv * v, sgg = sum gmv^2 (all over spend days, GMV divided by f_d).
--   total_gmv sums every day of the window (divided by f_d), also GMV attributed on days without
--   spend (orders from earlier clicks): it sets the level of the curve (curves.sql). raw_gmv is
--   the same sum as attributed (the historical ROI of the baselines).
WITH p AS (
  SELECT p.*, p.gmv / COALESCE(f.factor, 1.0) AS g
  FROM coef_points p
  LEFT JOIN coef_day_factors f ON f.date = p.date
)
SELECT campaign_id, channel,
       COUNT(x) AS n,
       MAX(xbar) AS xbar,
       MAX(m) AS m,
       SUM(u * u) AS suu,
       SUM(u * v) AS suv,
       SUM(v * v) AS svv,
       SUM(CASE WHEN x IS NOT NULL THEN g END) AS sg,
       SUM(g * u) AS sgu,
       SUM(g * v) AS sgv,
       SUM(CASE WHEN x IS NOT NULL THEN g * g END) AS sgg,
       MIN(CASE WHEN spend > 0 THEN spend END) AS min_spend,
       MAX(spend) AS max_spend,
       SUM(spend) AS total_spend,
       SUM(g) AS total_gmv,
       SUM(gmv) AS raw_gmv,
       MAX(aov) AS aov
FROM p
GROUP BY campaign_id, channel
HAVING COUNT(x) > 0
