-- Grain: one row per (campaign, channel) of an active campaign with at least one day of spend > 0
--   in the training window [:from_date, :to_date].
-- Key: campaign_id, channel.
-- Upstream: gold campaign_channel_daily; coef_active (active_campaigns.sql).
-- Notes: sufficient statistics of the relative response model over the days with spend > 0:
--     gmv_d = G * (1 + b * u_d + c * v_d) + noise,   u = ln(spend) - xbar,  v = u^2 - m
--   with xbar the mean log spend of the group and m the mean of u^2, so u and v sum to 0 and
--   G is the mean GMV of a spend day. The model is linear in GMV, not in log GMV: a day with
--   spend but no attributed order is an ordinary point (GMV comes in whole orders, often none),
--   with no floor and no bias from a log. b is the elasticity of GMV to spend at the centre,
--   c the curvature (curves.sql turns both into a log-quadratic curve).
--   suu = sum u^2, suv = sum u^3, svv = sum v^2, sg = sum gmv, sgu = sum gmv * u,
--   sgv = sum gmv * v, sgg = sum gmv^2 (all over spend days).
--   total_gmv sums every day of the window, also GMV attributed on days without spend (orders
--   from earlier clicks): it sets the level of the curve (curves.sql). aov is the campaign's
--   GMV per attributed order in the window (1 CNY if it had none): the size of one GMV step.
WITH win AS (
  SELECT d.campaign_id, d.channel, d.date, CAST(d.spend AS DOUBLE) AS spend,
         CAST(d.attributed_gmv AS DOUBLE) AS gmv, d.attributed_orders AS orders
  FROM campaign_channel_daily d
  JOIN coef_active a ON a.campaign_id = d.campaign_id
  WHERE d.date BETWEEN :from_date AND :to_date
),
aov AS (
  SELECT campaign_id, COALESCE(SUM(gmv) / NULLIF(SUM(orders), 0), 1.0) AS aov
  FROM win
  GROUP BY campaign_id
),
logs AS (
  SELECT campaign_id, channel, spend, gmv, CASE WHEN spend > 0 THEN LN(spend) END AS x
  FROM win
),
centred AS (
  SELECT *, x - AVG(x) OVER (PARTITION BY campaign_id, channel) AS u,
         AVG(x) OVER (PARTITION BY campaign_id, channel) AS xbar
  FROM logs
),
points AS (
  SELECT *, u * u - AVG(u * u) OVER (PARTITION BY campaign_id, channel) AS v,
         AVG(u * u) OVER (PARTITION BY campaign_id, channel) AS m
  FROM centred
)
SELECT p.campaign_id, p.channel,
       COUNT(p.x) AS n,
       MAX(p.xbar) AS xbar,
       MAX(p.m) AS m,
       SUM(p.u * p.u) AS suu,
       SUM(p.u * p.v) AS suv,
       SUM(p.v * p.v) AS svv,
       SUM(CASE WHEN p.x IS NOT NULL THEN p.gmv END) AS sg,
       SUM(p.gmv * p.u) AS sgu,
       SUM(p.gmv * p.v) AS sgv,
       SUM(CASE WHEN p.x IS NOT NULL THEN p.gmv * p.gmv END) AS sgg,
       MIN(CASE WHEN p.spend > 0 THEN p.spend END) AS min_spend,
       MAX(p.spend) AS max_spend,
       SUM(p.spend) AS total_spend,
       SUM(p.gmv) AS total_gmv,
       MAX(a.aov) AS aov
FROM points p
JOIN aov a ON a.campaign_id = p.campaign_id
GROUP BY p.campaign_id, p.channel
HAVING COUNT(p.x) > 0
