-- gold/take_rate_by_dimension: the day's money split by the MERCHANT's attributes.
-- Grain: one row per (date, dimension, value) with >= 1 order event, ad event or settled
--   compensation of a merchant with that attribute value on that date, dates :from_date..:to_date.
-- Key: date, dimension (category_id | segment | merchant_type), value.
-- Upstream: state merchant_daily_money; merchants_snap (silver/merchants, the snapshots needed);
--   settlements.
-- Notes: attributes come from the latest merchants snapshot on or before the date; a merchant
--   missing from it (or a NULL attribute) counts under 'unknown'. Commission still uses each
--   order's own category rate (in merchant_daily_money); it is rounded half-up once per row.
WITH days AS (
  SELECT explode(sequence(CAST(:from_date AS DATE), CAST(:to_date AS DATE))) AS date
),
snapshot_dates AS (
  SELECT DISTINCT snapshot_date FROM merchants_snap
),
day_snapshot AS (
  SELECT d.date, max(s.snapshot_date) AS snapshot_date
  FROM days d
  JOIN snapshot_dates s ON s.snapshot_date <= d.date
  GROUP BY d.date
),
merchant_attrs AS (
  SELECT ds.date, m.merchant_id, m.category_id, m.segment, m.merchant_type
  FROM day_snapshot ds
  JOIN merchants_snap m ON m.snapshot_date = ds.snapshot_date
),
comp AS (
  SELECT cycle_end AS date, merchant_id, sum(compensation) AS compensation
  FROM settlements
  WHERE cycle_end BETWEEN :from_date AND :to_date
  GROUP BY cycle_end, merchant_id
),
per_merchant AS (
  SELECT coalesce(x.date, c.date) AS date,
         coalesce(x.merchant_id, c.merchant_id) AS merchant_id,
         coalesce(x.gmv, 0) AS gmv,
         coalesce(x.refunds, 0) AS refunds,
         coalesce(x.ad_revenue, 0) AS ad_revenue,
         coalesce(x.commission_exact, 0) AS commission_exact,
         coalesce(c.compensation, 0) AS compensation
  FROM (SELECT * FROM merchant_daily_money WHERE date BETWEEN :from_date AND :to_date) x
  FULL OUTER JOIN comp c ON c.date = x.date AND c.merchant_id = x.merchant_id
),
tagged AS (
  SELECT p.*,
         coalesce(a.category_id, 'unknown') AS category_value,
         coalesce(a.segment, 'unknown') AS segment_value,
         coalesce(a.merchant_type, 'unknown') AS type_value
  FROM per_merchant p
  LEFT JOIN merchant_attrs a ON a.date = p.date AND a.merchant_id = p.merchant_id
),
by_dimension AS (
  SELECT date, dimension, value,
         sum(gmv) AS gmv, sum(refunds) AS refunds, sum(ad_revenue) AS ad_revenue,
         sum(commission_exact) AS commission_exact, sum(compensation) AS compensation
  FROM tagged
  LATERAL VIEW stack(3, 'category_id', category_value, 'segment', segment_value,
                        'merchant_type', type_value) s AS dimension, value
  GROUP BY date, dimension, value
),
reported AS (
  SELECT date, dimension, value,
         CAST(gmv AS DECIMAL(18,2)) AS gmv,
         CAST(refunds AS DECIMAL(18,2)) AS refunds,
         CAST(ad_revenue AS DECIMAL(18,2)) AS ad_revenue,
         CAST(round(commission_exact, 2) AS DECIMAL(18,2)) AS commission,
         CAST(compensation AS DECIMAL(18,2)) AS compensation
  FROM by_dimension
)
SELECT date, dimension, value, gmv, refunds, ad_revenue, commission, compensation,
       cmr(ad_revenue, commission, compensation) AS cmr,
       take_rate(cmr(ad_revenue, commission, compensation), gmv) AS take_rate
FROM reported
