-- Grain: one row per (campaign, channel) of coef_fit_stats (an active campaign's channel with at
--   least one day of spend in the window).
-- Key: campaign_id, channel.
-- Upstream: coef_fit_stats (fit_stats.sql).
-- Notes: the series' own least-squares fit of the relative curve gmv / G = 1 + b u + c v
--   (b_own, c_own: days >= 3 and spend varying; G = sg / n, the mean GMV of a spend day), which
--   pools.sql pools, and its noise:
--   rho, the relative variance of a spend day's GMV around the series' curve, which sets how
--   far its own slope and ROI are trusted (pools.sql, curves.sql). Two estimates of it:
--   * modelled, rho_model = rho0 + aov / G: GMV arrives in whole orders of about aov, and a
--     Poisson count of G / aov orders has relative variance aov / G; rho0 is the rest (demand
--     noise), the days-weighted mean excess of the residual variances over aov / G across every
--     series with >= 6 days, at least :rho_min. G is the window's GMV (also GMV attributed on days
--     without spend) per spend day, at least aov / 20 (a series without orders is not infinitely
--     noisy), as for the level in curves.sql;
--   * its own, resid_var: the residual variance of its days around its own least-squares
--     relative curve (b_own, c_own), with n - 3 degrees of freedom (series with >= 6 days).
--   rho = ((n - 3) * resid_var + :noise_days * rho_model) / (n - 3 + :noise_days): the modelled
--   value counts as :noise_days degrees of freedom. Orders need not be Poisson: a market whose
--   order counts vary less than that (units sold to a planned GMV) or more (bulk buyers, viral
--   days) shows it in the residuals, and a full window's 25 degrees of freedom outweigh the model.
WITH g AS (
  SELECT s.*,
         s.sg / s.n AS gs,
         s.suu * s.svv - s.suv * s.suv AS det
  FROM coef_fit_stats s
),
fit AS (
  SELECT *,
         CASE WHEN n >= 3 AND gs > 0 AND suu > 1e-6 AND det > 1e-12
              THEN (svv * sgu - suv * sgv) / (gs * det) END AS b_own,
         CASE WHEN n >= 3 AND gs > 0 AND suu > 1e-6 AND det > 1e-12
              THEN (suu * sgv - suv * sgu) / (gs * det) END AS c_own
  FROM g
),
own AS (
  SELECT *,
         CASE WHEN n >= 6 AND b_own IS NOT NULL
              THEN (sgg / (gs * gs) - n - (b_own * sgu + c_own * sgv) / gs) / (n - 3)
         END AS resid_var
  FROM fit
),
base AS (
  SELECT GREATEST(:rho_min, COALESCE(SUM((n - 3) * (resid_var - aov / gs)) / SUM(n - 3), :rho_min))
           AS rho0
  FROM own
  WHERE resid_var IS NOT NULL
),
modelled AS (
  SELECT o.campaign_id, o.channel, o.n, o.b_own, o.c_own, o.resid_var, b.rho0,
         b.rho0 + o.aov / GREATEST(o.total_gmv / o.n, o.aov / 20) AS rho_model
  FROM own o
  CROSS JOIN base b
)
SELECT campaign_id, channel, b_own, c_own, rho0, rho_model, resid_var,
       CASE WHEN resid_var IS NULL THEN rho_model
            ELSE ((n - 3) * GREATEST(resid_var, 0.0) + :noise_days * rho_model)
                 / (n - 3 + :noise_days) END AS rho
FROM modelled
