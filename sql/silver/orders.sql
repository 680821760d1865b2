-- silver/orders: the accepted orders events of the arrival days being built, typed, one row per event_id.
-- Grain: one event. Key: event_id. Upstream: bronze/orders (view bronze_orders, already limited by the job to the arrival days being built).
-- Partitioned by event_date (Asia/Shanghai); the run replaces exactly the rows of those
-- arrival days, so late events land in their own event_date partition and a rerun
-- of the same arrival day changes nothing. Duplicates were already dropped at ingestion.
SELECT
  event_id, event_type, order_id, user_id, merchant_id, item_id, category_id, quantity, amount, pay_method,
  event_time,
  event_date,
  arrival_date
FROM bronze_orders
