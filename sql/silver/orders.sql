-- silver/orders: the run date's accepted orders events, typed, one row per event_id.
-- Grain: one event. Key: event_id. Upstream: bronze/orders (view bronze_orders), arrival day :run_date.
-- Partitioned by event_date (Asia/Shanghai); the run replaces exactly the rows with
-- arrival_date = :run_date, so late events land in their own event_date partition and a rerun
-- of the same arrival day changes nothing. Duplicates were already dropped at ingestion.
SELECT
  event_id, event_type, order_id, user_id, merchant_id, item_id, category_id, quantity, amount, pay_method,
  event_time,
  event_date,
  arrival_date
FROM bronze_orders
WHERE arrival_date = :run_date
