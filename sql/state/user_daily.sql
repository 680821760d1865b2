-- state/user_daily: what each user did on one event date, the input of every user metric.
-- Grain: one row per (date, user_id) with >= 1 user_activity event, pay or refund on that date.
-- Key: date, user_id. Partitioned by date.
-- Upstream: views user_activity, orders (silver, partitioned by event_date).
-- Parameters: :from_date, :to_date (the event dates recomputed by this run).
-- Notes: active = any user_activity event or any pay (a refund alone is not activity);
--   first_source = source of the day's earliest user_activity event (ties: smallest event_id),
--   NULL when the user only paid that day; wechat = a wechat-sourced activity or a wechat_pay pay;
--   paid_order_ids = distinct order_id of pay events, so a 365-day window can count distinct orders.
WITH activity AS (
  SELECT event_date AS date,
         user_id,
         min_by(source, struct(event_time, event_id)) AS first_source,
         max(source = 'wechat') AS wechat_source
  FROM user_activity
  WHERE event_date BETWEEN :from_date AND :to_date
  GROUP BY event_date, user_id
),
orders_by_day AS (
  SELECT event_date AS date,
         user_id,
         max(event_type = 'pay') AS paid,
         max(event_type = 'pay' AND pay_method = 'wechat_pay') AS wechat_pay,
         array_sort(collect_set(CASE WHEN event_type = 'pay' THEN order_id END)) AS paid_order_ids,
         sum(CASE WHEN event_type = 'pay' THEN amount ELSE 0 END) AS pay_amount,
         sum(CASE WHEN event_type = 'refund' THEN amount ELSE 0 END) AS refund_amount
  FROM orders
  WHERE event_date BETWEEN :from_date AND :to_date
  GROUP BY event_date, user_id
)
SELECT coalesce(a.date, o.date) AS date,
       coalesce(a.user_id, o.user_id) AS user_id,
       (a.user_id IS NOT NULL OR coalesce(o.paid, false)) AS active,
       a.first_source AS first_source,
       (coalesce(a.wechat_source, false) OR coalesce(o.wechat_pay, false)) AS wechat,
       coalesce(o.paid_order_ids, CAST(array() AS ARRAY<STRING>)) AS paid_order_ids,
       CAST(coalesce(o.pay_amount, 0) AS DECIMAL(18,2)) AS pay_amount,
       CAST(coalesce(o.refund_amount, 0) AS DECIMAL(18,2)) AS refund_amount
FROM activity a
FULL OUTER JOIN orders_by_day o
  ON a.date = o.date AND a.user_id = o.user_id
