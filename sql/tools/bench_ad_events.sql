-- Synthetic silver ad_events for the attribution benchmark (cmr bench-attribution, lab only):
-- :n events on :d, 10% clicks, 2,000 campaigns, 20,000 users x 5,000 items so that many pay
-- events find a click.
SELECT concat('a', :d, '-', id) AS event_id,
       IF(id % 10 = 0, 'click', 'impression') AS event_type,
       concat('k', id % 2000) AS campaign_id,
       concat('m', id % 2000 % 300) AS merchant_id,
       concat('i', (id * 7919) % 5000) AS item_id,
       element_at(array('search', 'homepage_feed', 'purchase_feed', 'display', 'live'),
                  CAST(id % 5 AS INT) + 1) AS channel,
       concat('u', (id * 104729) % 20000) AS user_id,
       CAST((id % 7) / 10 AS DECIMAL(18,2)) AS cost,
       CAST(unix_seconds(CAST(:d AS TIMESTAMP)) + id % 86400 AS TIMESTAMP) AS event_time,
       CAST(:d AS DATE) AS event_date,
       CAST(:d AS DATE) AS arrival_date
FROM range(:n)
