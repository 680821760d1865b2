-- Grain: one row per date of the training window on which some campaign-channel that enters the
--   fit (>= 3 spend days, some GMV) spent; a date without a row has factor 1 (fit_stats.sql).
-- Key: date.
-- Upstream: coef_points (daily_points.sql). One GROUP BY over the points; the rest is per date.
-- Notes: the market's day factor f_d: how much more (or less) GMV a CNY of spend brought on that
--   day than on a typical day of the window, the same for every campaign (weekends, promotion
--   days such as Double 11). Estimated from every campaign-channel with >= 3 spend days and some
--   GMV, as a least-squares fit with one effect per date (fixed effects, by demeaning within the
--   date) of
--     y = gmv / G - 1 = delta_d + b * u,   G the campaign-channel's mean GMV of a spend day,
--   weighted by the inverse of y's variance, 1 / (aov / G + :day_noise) (a day of G / aov
--   orders, whole orders being Poisson, plus the rest of the day noise). b is a common slope
--   only there so that a day on which every campaign spent more (or less) is not read as a day
--   effect. f_d = 1 + delta_d (at least 0.1), divided by its median over the estimated dates,
--   so that the typical day has factor 1 and a single promotion day does not move it. A date
--   with fewer than :day_min_series campaign-channels is not estimated and has factor 1 (its
--   effect cannot be told from the noise of a few campaigns): small markets are fitted as before.
WITH obs AS (
  SELECT date, u, gmv / g_mean - 1 AS y, 1.0 / (aov / g_mean + :day_noise) AS w
  FROM coef_points
  WHERE x IS NOT NULL AND n_spend >= 3 AND g_mean > 0
),
-- weighted sums per date; the demeaned cross products follow from them:
-- sum w (u - u_bar)(y - y_bar) = swuy - swu * swy / sw on each date
by_date AS (
  SELECT date, COUNT(*) AS series, SUM(w) AS sw, SUM(w * u) AS swu, SUM(w * y) AS swy,
         SUM(w * u * y) AS swuy, SUM(w * u * u) AS swuu
  FROM obs
  GROUP BY date
),
common_slope AS (
  SELECT SUM(swuy - swu * swy / sw) / NULLIF(SUM(swuu - swu * swu / sw), 0) AS b
  FROM by_date
),
raw AS (
  SELECT d.date, d.series, d.series >= :day_min_series AS estimated,
         GREATEST(0.1, 1 + d.swy / d.sw - COALESCE(s.b, 0) * d.swu / d.sw) AS f
  FROM by_date d
  CROSS JOIN common_slope s
),
typical AS (
  SELECT percentile(f, 0.5) AS f_median FROM raw WHERE estimated
)
SELECT r.date, CAST(r.series AS BIGINT) AS series,
       CASE WHEN r.estimated THEN r.f / t.f_median ELSE 1.0 END AS factor
FROM raw r
CROSS JOIN typical t
