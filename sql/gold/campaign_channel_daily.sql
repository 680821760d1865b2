-- Grain: one row per (date, campaign_id, channel) (and the merchant: a campaign belongs to one
--   merchant, so the key is date, campaign_id, channel); key: date, campaign_id, channel.
-- Upstream: silver/ad_events (temp view attr_ad_events), attributed pay events (temp view
--   attr_attributed, from attribution/last_click.sql).
-- Notes: SPEC §2 "Ad attribution and merchant ROI". Every combination with ad events or
--   attributed orders on the date. spend = sum of cost of all ad events (impressions and
--   clicks); attributed orders and GMV are on the pay event's date, under the click's campaign,
--   channel and merchant. roi = attributed_gmv / spend, NULL when spend is 0.
WITH ads AS (
  SELECT
    event_date AS date,
    campaign_id,
    channel,
    merchant_id,
    count_if(event_type = 'impression') AS impressions,
    count_if(event_type = 'click') AS clicks,
    sum(cost) AS spend
  FROM attr_ad_events
  WHERE event_date >= :from_date
    AND event_date <= :to_date
  GROUP BY event_date, campaign_id, channel, merchant_id
),
attributed AS (
  SELECT
    event_date AS date,
    campaign_id,
    channel,
    merchant_id,
    count(*) AS attributed_orders,
    sum(amount) AS attributed_gmv
  FROM attr_attributed
  WHERE event_date >= :from_date
    AND event_date <= :to_date
  GROUP BY event_date, campaign_id, channel, merchant_id
),
joined AS (
  SELECT
    coalesce(a.date, o.date) AS date,
    coalesce(a.campaign_id, o.campaign_id) AS campaign_id,
    coalesce(a.channel, o.channel) AS channel,
    coalesce(a.merchant_id, o.merchant_id) AS merchant_id,
    coalesce(a.impressions, 0) AS impressions,
    coalesce(a.clicks, 0) AS clicks,
    CAST(coalesce(a.spend, 0) AS DECIMAL(18,2)) AS spend,
    coalesce(o.attributed_orders, 0) AS attributed_orders,
    CAST(coalesce(o.attributed_gmv, 0) AS DECIMAL(18,2)) AS attributed_gmv
  FROM ads a
  FULL OUTER JOIN attributed o
    ON a.date = o.date
   AND a.campaign_id <=> o.campaign_id
   AND a.channel <=> o.channel
   AND a.merchant_id <=> o.merchant_id
)
SELECT
  date,
  campaign_id,
  channel,
  merchant_id,
  CAST(impressions AS BIGINT) AS impressions,
  CAST(clicks AS BIGINT) AS clicks,
  spend,
  CAST(attributed_orders AS BIGINT) AS attributed_orders,
  attributed_gmv,
  CASE WHEN spend = 0 THEN CAST(NULL AS DOUBLE)
       ELSE CAST(attributed_gmv AS DOUBLE) / CAST(spend AS DOUBLE) END AS roi
FROM joined
