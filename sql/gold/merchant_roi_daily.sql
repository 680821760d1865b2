-- Grain: one row per (date, merchant_id); key: date, merchant_id.
-- Upstream: gold/campaign_channel_daily (temp view attr_campaign_channel_daily).
-- Notes: the roll-up of campaign_channel_daily over campaigns and channels; roi =
--   attributed_gmv / spend, NULL when spend is 0. Dates :from_date .. :to_date.
WITH sums AS (
  SELECT
    date,
    merchant_id,
    CAST(sum(spend) AS DECIMAL(18,2)) AS spend,
    CAST(sum(attributed_orders) AS BIGINT) AS attributed_orders,
    CAST(sum(attributed_gmv) AS DECIMAL(18,2)) AS attributed_gmv
  FROM attr_campaign_channel_daily
  WHERE date >= :from_date
    AND date <= :to_date
  GROUP BY date, merchant_id
)
SELECT
  date,
  merchant_id,
  spend,
  attributed_orders,
  attributed_gmv,
  CASE WHEN spend = 0 THEN CAST(NULL AS DOUBLE)
       ELSE CAST(attributed_gmv AS DOUBLE) / CAST(spend AS DOUBLE) END AS roi
FROM sums
