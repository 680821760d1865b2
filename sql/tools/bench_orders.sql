-- Synthetic silver orders for the attribution benchmark (lab only): :n pay events on :d by the
-- users and items of bench_ad_events.sql.
SELECT concat('p', :d, '-', id) AS event_id,
       'pay' AS event_type,
       concat('o', :d, id) AS order_id,
       concat('u', (id * 104729) % 20000) AS user_id,
       'm1' AS merchant_id,
       concat('i', (id * 7919) % 5000) AS item_id,
       'apparel' AS category_id,
       1 AS quantity,
       CAST(10 + id % 90 AS DECIMAL(18,2)) AS amount,
       'alipay' AS pay_method,
       CAST(unix_seconds(CAST(:d AS TIMESTAMP)) + id % 86400 AS TIMESTAMP) AS event_time,
       CAST(:d AS DATE) AS event_date,
       CAST(:d AS DATE) AS arrival_date
FROM range(:n)
