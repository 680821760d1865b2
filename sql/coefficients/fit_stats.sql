-- Grain: one row per (campaign, channel) of an active campaign with at least one day of spend > 0
--   in the training window [:from_date, :to_date].
-- Key: campaign_id, channel.
-- Upstream: gold campaign_channel_daily; coef_active (active_campaigns.sql).
-- Notes: sufficient statistics (n, sums of x, y, x^2, xy, y^2) of the least-squares line
--   y = ln(alpha) + beta * x with x = ln(spend), y = ln(gmv + c), over the days with spend > 0.
--   c is :pseudo_orders (half an order) times the campaign's average order value in the window
--   (1 CNY if it had no order): a day with spend but no attributed GMV is a low point, not
--   -infinity, and it is not dropped (dropping it would bias the curve upwards).
--   total_gmv sums every day of the window, also GMV attributed on days without spend (orders
--   from earlier clicks): it sets the level of the curve (curves.sql).
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
points AS (
  SELECT w.campaign_id, w.channel, w.spend, w.gmv, a.aov,
         CASE WHEN w.spend > 0 THEN LN(w.spend) END AS x,
         CASE WHEN w.spend > 0 THEN LN(w.gmv + :pseudo_orders * a.aov) END AS y
  FROM win w
  JOIN aov a ON a.campaign_id = w.campaign_id
)
SELECT campaign_id, channel,
       COUNT(x) AS n,
       SUM(x) AS sx, SUM(y) AS sy, SUM(x * x) AS sxx, SUM(x * y) AS sxy, SUM(y * y) AS syy,
       MIN(CASE WHEN spend > 0 THEN spend END) AS min_spend,
       MAX(spend) AS max_spend,
       SUM(spend) AS total_spend,
       SUM(gmv) AS total_gmv,
       MAX(aov) AS aov
FROM points
GROUP BY campaign_id, channel
HAVING COUNT(x) > 0
