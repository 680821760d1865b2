-- Grain: one row per (active campaign, channel, date) of campaign_channel_daily in the training
--   window [:from_date, :to_date] (days without spend included: they can carry GMV from earlier
--   clicks).
-- Key: campaign_id, channel, date.
-- Upstream: gold campaign_channel_daily; coef_active (active_campaigns.sql).
-- Notes: the points of the relative response model (fit_stats.sql):
--     gmv_d = G * f_d * (1 + b * u_d + c * v_d) + noise,   u = ln(spend) - xbar,  v = u^2 - m
--   with xbar the mean log spend of the campaign-channel's spend days and m the mean of u^2, so
--   u and v sum to 0; f_d is the market's day factor (day_factors.sql). x, u and v are NULL on a
--   day without spend. n_spend is the campaign-channel's number of spend days, g_mean its mean
--   GMV of a spend day (as attributed). aov is the campaign's GMV per attributed order in the window (1 CNY if it
--   had none): the size of one GMV step.
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
  SELECT campaign_id, channel, date, spend, gmv, CASE WHEN spend > 0 THEN LN(spend) END AS x
  FROM win
),
centred AS (
  SELECT *, x - AVG(x) OVER (PARTITION BY campaign_id, channel) AS u,
         AVG(x) OVER (PARTITION BY campaign_id, channel) AS xbar
  FROM logs
)
SELECT c.campaign_id, c.channel, c.date, c.spend, c.gmv, c.x, c.u, c.xbar,
       c.u * c.u - AVG(c.u * c.u) OVER (PARTITION BY c.campaign_id, c.channel) AS v,
       AVG(c.u * c.u) OVER (PARTITION BY c.campaign_id, c.channel) AS m,
       COUNT(c.x) OVER (PARTITION BY c.campaign_id, c.channel) AS n_spend,
       AVG(CASE WHEN c.x IS NOT NULL THEN c.gmv END)
         OVER (PARTITION BY c.campaign_id, c.channel) AS g_mean,
       a.aov
FROM centred c
JOIN aov a ON a.campaign_id = c.campaign_id
