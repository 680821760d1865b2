-- Grain: one row per (month, merchant_id); key: month ('YYYY-MM'), merchant_id.
-- Upstream: gold/merchant_roi_daily (temp view attr_merchant_roi_daily).
-- Notes: the month as it stands: the sum over the days of the month that have rows so far (days
--   run so far). roi = attributed_gmv / spend, NULL when spend is 0. :from_date .. :to_date are
--   the first and last day of the months being recomputed.
WITH sums AS (
  SELECT
    date_format(date, 'yyyy-MM') AS month,
    merchant_id,
    CAST(sum(spend) AS DECIMAL(18,2)) AS spend,
    CAST(sum(attributed_orders) AS BIGINT) AS attributed_orders,
    CAST(sum(attributed_gmv) AS DECIMAL(18,2)) AS attributed_gmv
  FROM attr_merchant_roi_daily
  WHERE date >= :from_date
    AND date <= :to_date
  GROUP BY date_format(date, 'yyyy-MM'), merchant_id
)
SELECT
  month,
  merchant_id,
  spend,
  attributed_orders,
  attributed_gmv,
  CASE WHEN spend = 0 THEN CAST(NULL AS DOUBLE)
       ELSE CAST(attributed_gmv AS DOUBLE) / CAST(spend AS DOUBLE) END AS roi
FROM sums
