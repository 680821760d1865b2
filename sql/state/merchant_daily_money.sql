-- state/merchant_daily_money: the money of one event date per merchant, exact (commission unrounded).
-- Grain: one row per (date, merchant_id) with >= 1 order event or ad event on that date.
-- Key: date, merchant_id. Partitioned by date.
-- Upstream: views orders, ad_events (silver), commission_rates (conf: category_id, rate).
-- Parameters: :from_date, :to_date, :default_rate (rate of categories not in commission_rates).
-- Notes: commission_exact = sum(pay amount * rate) - sum(refund amount * rate), the rate of the
--   EVENT's own category_id; it is kept exact here and rounded half-up once per reported value
--   in gold (day, month, dimension). The merchant is the order's / ad event's merchant_id.
WITH order_money AS (
  SELECT o.event_date AS date,
         o.merchant_id,
         sum(CASE WHEN o.event_type = 'pay' THEN o.amount ELSE 0 END) AS gmv,
         sum(CASE WHEN o.event_type = 'refund' THEN o.amount ELSE 0 END) AS refunds,
         sum(CASE WHEN o.event_type = 'pay' THEN o.amount ELSE -o.amount END
             * coalesce(r.rate, CAST(:default_rate AS DECIMAL(12,8)))) AS commission_exact
  FROM orders o
  LEFT JOIN commission_rates r ON r.category_id = o.category_id
  WHERE o.event_date BETWEEN :from_date AND :to_date
  GROUP BY o.event_date, o.merchant_id
),
ad_money AS (
  SELECT event_date AS date, merchant_id, sum(cost) AS ad_revenue
  FROM ad_events
  WHERE event_date BETWEEN :from_date AND :to_date
  GROUP BY event_date, merchant_id
)
SELECT coalesce(o.date, a.date) AS date,
       coalesce(o.merchant_id, a.merchant_id) AS merchant_id,
       CAST(coalesce(o.gmv, 0) AS DECIMAL(18,2)) AS gmv,
       CAST(coalesce(o.refunds, 0) AS DECIMAL(18,2)) AS refunds,
       CAST(coalesce(a.ad_revenue, 0) AS DECIMAL(18,2)) AS ad_revenue,
       CAST(coalesce(o.commission_exact, 0) AS DECIMAL(30,10)) AS commission_exact
FROM order_money o
FULL OUTER JOIN ad_money a
  ON o.date = a.date AND o.merchant_id = a.merchant_id
