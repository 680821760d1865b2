-- Grain: one line of a merchant's monthly CSV file; key: month, merchant_id, line_no, channel.
-- Upstream: gold/campaign_channel_daily (temp view export_campaign_channel_daily),
--   gold/quanzhantui_settlements (temp view export_settlements).
-- Notes: one file per (month, merchant): a header line, one line per channel with the month's
--   spend, attributed orders, attributed GMV and ROI (attributed_gmv / spend, 4 decimals, empty
--   when spend is 0), then a line with channel 'all' holding the totals and the month's
--   whole-site promotion compensation (cycles whose last day is in the month, as in
--   compensation(d)). RFC 4180 fields: a field holding a comma, quote, CR or LF is quoted, with
--   quotes doubled. Months :from_date .. :to_date (first and last day of the exported months).
WITH by_channel AS (
  SELECT
    date_format(date, 'yyyy-MM') AS month,
    merchant_id,
    channel,
    CAST(sum(spend) AS DECIMAL(18,2)) AS spend,
    CAST(sum(attributed_orders) AS BIGINT) AS attributed_orders,
    CAST(sum(attributed_gmv) AS DECIMAL(18,2)) AS attributed_gmv
  FROM export_campaign_channel_daily
  WHERE date >= :from_date AND date <= :to_date
  GROUP BY date_format(date, 'yyyy-MM'), merchant_id, channel
),
compensation AS (
  SELECT
    date_format(cycle_end, 'yyyy-MM') AS month,
    merchant_id,
    CAST(sum(compensation) AS DECIMAL(18,2)) AS compensation
  FROM export_settlements
  WHERE cycle_end >= :from_date AND cycle_end <= :to_date
  GROUP BY date_format(cycle_end, 'yyyy-MM'), merchant_id
),
totals AS (
  SELECT
    coalesce(t.month, c.month) AS month,
    coalesce(t.merchant_id, c.merchant_id) AS merchant_id,
    'all' AS channel,
    CAST(coalesce(t.spend, 0) AS DECIMAL(18,2)) AS spend,
    coalesce(t.attributed_orders, 0) AS attributed_orders,
    CAST(coalesce(t.attributed_gmv, 0) AS DECIMAL(18,2)) AS attributed_gmv,
    CAST(coalesce(c.compensation, 0) AS DECIMAL(18,2)) AS compensation
  FROM (SELECT month, merchant_id, sum(spend) AS spend, sum(attributed_orders) AS attributed_orders,
               sum(attributed_gmv) AS attributed_gmv
        FROM by_channel GROUP BY month, merchant_id) t
  FULL OUTER JOIN compensation c ON c.month = t.month AND c.merchant_id = t.merchant_id
),
body AS (
  SELECT month, merchant_id, channel, spend, attributed_orders, attributed_gmv,
         CAST(NULL AS DECIMAL(18,2)) AS compensation, 1 AS line_no
  FROM by_channel
  UNION ALL
  SELECT month, merchant_id, channel, spend, attributed_orders, attributed_gmv, compensation,
         2 AS line_no
  FROM totals
),
fields AS (
  SELECT
    month,
    merchant_id,
    line_no,
    channel,
    array(month, merchant_id, channel, CAST(spend AS STRING), CAST(attributed_orders AS STRING),
          CAST(attributed_gmv AS STRING),
          CASE WHEN spend = 0 THEN ''
               ELSE CAST(CAST(round(CAST(attributed_gmv AS DOUBLE) / CAST(spend AS DOUBLE), 4)
                              AS DECIMAL(24,4)) AS STRING) END,
          coalesce(CAST(compensation AS STRING), '')) AS values
  FROM body
),
lines AS (
  SELECT month, merchant_id, line_no, channel,
         array_join(transform(values, v -> CASE WHEN v RLIKE '[",\\r\\n]'
                                                THEN concat('"', replace(v, '"', '""'), '"')
                                                ELSE v END), ',') AS line
  FROM fields
  UNION ALL
  SELECT DISTINCT month, merchant_id, 0 AS line_no, '' AS channel,
         'month,merchant_id,channel,spend,attributed_orders,attributed_gmv,roi,compensation' AS line
  FROM body
)
SELECT month, merchant_id, line_no, channel, line
FROM lines
