-- Grain: one row: the market's response to yesterday's spend.
-- Key: none (a single row).
-- Upstream: coef_points (daily_points.sql), coef_day_factors (day_factors.sql), coef_fit_stats
--   (fit_stats.sql), coef_noise (noise.sql), coef_pools (pools.sql).
-- Notes: part of a day's spend is answered by orders paid the next day (a click in the evening,
--   payment after midnight), and campaign_channel_daily books them on the day they are paid. A
--   series' own slope, fitted on the same day's spend only, then misses that part (on the
--   generator's data 4-9% of the response). The bidder plans the same spend every day, so the
--   elasticity it needs is the steady-state one: today's plus yesterday's.
--   Model, per series (relative GMV y_d = gmv_d / f_d / G as in fit_stats.sql):
--     y_d = a + b u_d + c v_d + b_lag * u_(d-1) + noise,
--   with a, b, c the series' own and b_lag common to the market, estimated by weighted least
--   squares with fixed effects: by Frisch-Waugh, b_lag = sum w * (y . e) / sum w * (e . e), where
--   e is yesterday's u with the series' own (1, u, v) projected out, over the days whose previous
--   calendar day also had spend; w = 1 / rho (noise.sql). A series needs :lag_min_days such
--   pairs of days and spends that vary.
--   The same-day slopes (b_pool, pools.sql's all_channels row, and each series' own) are fitted
--   without the lag term, so where spends follow a pattern (yesterday's u tracks today's by phi,
--   given v) they already hold phi * b_lag of it: b_pool = b + phi * b_lag. phi is pooled the
--   same way (the fixed-effects regression of yesterday's u on today's, given v), and the
--   steady state is b_pool + (1 - phi) * b_lag. lag_share = (1 - phi) * b / (b_pool +
--   (1 - phi) * b), clamped to [0, :lag_share_max] (a negative estimate is noise or orders
--   pulled forward, not a response): curves.sql divides the slopes and curvature by
--   1 - lag_share. b is b_lag shrunk towards 0 by its sampling variance (b_lag - var / b_lag,
--   at least 0): on a small market the estimate is mostly noise and would tilt every slope.
--   Without such series (a small market, or spends that never vary) the share is 0.
WITH p AS (
  SELECT p.campaign_id, p.channel, p.date, p.u, p.v,
         p.gmv / COALESCE(f.factor, 1.0) AS g,
         LAG(p.u) OVER (PARTITION BY p.campaign_id, p.channel ORDER BY p.date) AS u_prev,
         LAG(p.date) OVER (PARTITION BY p.campaign_id, p.channel ORDER BY p.date) AS date_prev
  FROM coef_points p
  LEFT JOIN coef_day_factors f ON f.date = p.date
),
pairs AS (
  SELECT p.campaign_id, p.channel, p.u, p.v, p.u_prev AS e, p.g / (s.sg / s.n) AS y, z.rho
  FROM p
  JOIN coef_fit_stats s ON s.campaign_id = p.campaign_id AND s.channel = p.channel
  JOIN coef_noise z ON z.campaign_id = p.campaign_id AND z.channel = p.channel
  WHERE p.u IS NOT NULL AND p.u_prev IS NOT NULL AND DATEDIFF(p.date, p.date_prev) = 1
    AND s.sg > 0
),
sums AS (
  SELECT campaign_id, channel, COUNT(*) AS k, MAX(rho) AS rho,
         SUM(u) AS su, SUM(v) AS sv, SUM(e) AS se, SUM(y) AS sy,
         SUM(u * u) AS suu, SUM(u * v) AS suv, SUM(v * v) AS svv,
         SUM(e * u) AS seu, SUM(e * v) AS sev, SUM(e * e) AS see,
         SUM(y * u) AS syu, SUM(y * v) AS syv, SUM(y * e) AS sye
  FROM pairs
  GROUP BY campaign_id, channel
  HAVING COUNT(*) >= :lag_min_days
),
centred AS (
  -- the sums around the series' means over its pairs of days (the intercept projected out)
  SELECT rho,
         suu - su * su / k AS muu, suv - su * sv / k AS muv, svv - sv * sv / k AS mvv,
         seu - se * su / k AS qu, sev - se * sv / k AS qv, see - se * se / k AS qe,
         syu - sy * su / k AS yu, syv - sy * sv / k AS yv, sye - sy * se / k AS ye
  FROM sums
),
projected AS (
  -- e . e and y . e with (u, v) projected out too: M^-1 with M = [[muu, muv], [muv, mvv]];
  -- eu and uu: e . u and u . u with v projected out (for phi)
  SELECT rho,
         qe - (mvv * qu * qu - 2 * muv * qu * qv + muu * qv * qv) / (muu * mvv - muv * muv) AS ee,
         ye - (mvv * qu * yu - muv * (qu * yv + qv * yu) + muu * qv * yv) / (muu * mvv - muv * muv)
           AS ye,
         qu - muv * qv / mvv AS eu, muu - muv * muv / mvv AS uu
  FROM centred
  WHERE muu * mvv - muv * muv > 1e-9 AND muu > 1e-6
),
lag AS (
  SELECT SUM(ye / rho) / NULLIF(SUM(ee / rho), 0) AS b_lag,
         SUM(ee / rho) AS info,
         SUM(eu / rho) / NULLIF(SUM(uu / rho), 0) AS phi,
         COUNT(*) AS series
  FROM projected
  WHERE ee > 1e-9
),
shrunk AS (
  -- b_lag's sampling variance is 1 / info (each day's relative GMV has variance rho); a small
  -- market's estimate is mostly noise, so it is shrunk towards 0 (positive part):
  -- b_lag - var / b_lag, 0 when b_lag is within one standard error of 0
  SELECT *, CASE WHEN b_lag > 0 THEN GREATEST(0.0, b_lag - 1.0 / (info * b_lag)) ELSE b_lag END
              AS b_used
  FROM lag
),
steady AS (
  SELECT l.b_lag, l.info, l.phi, l.series, a.b_pool, (1 - l.phi) * l.b_used AS b_next
  FROM shrunk l
  CROSS JOIN (SELECT MAX(b_pool) AS b_pool FROM coef_pools WHERE all_channels = 1) a
)
SELECT b_lag, 1.0 / SQRT(info) AS b_lag_se, phi, CAST(series AS INT) AS series,
       b_pool AS b_same_day,
       CASE WHEN b_next IS NULL OR b_pool IS NULL OR b_pool + b_next <= 0 THEN 0.0
            ELSE LEAST(:lag_share_max, GREATEST(0.0, b_next / (b_pool + b_next))) END
         AS lag_share
FROM steady
