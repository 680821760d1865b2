-- Grain: one attributed pay event; key: pay_event_id.
-- Upstream: silver/orders (temp view attr_orders), clicks (temp view attr_clicks: the click
--   state and, where it does not reach, silver/ad_events clicks).
-- Notes: SPEC §2 last click. A pay event of user u on item i at time t goes to the click by u on
--   i with click time in [t - window, t] (both ends; a day is 24 h, so the window is compared in
--   microseconds), latest first, ties by the lexicographically larger event_id. Pay events with
--   no such click are not returned. Only events (pays and clicks) with arrival_date <=
--   :max_arrival are used (settlements see the events arrived by the settling date; daily
--   attribution passes 9999-12-31). Pay event dates :pay_from .. :pay_to.
WITH pays AS (
  SELECT event_id, user_id, item_id, amount, event_time, event_date
  FROM attr_orders
  WHERE event_type = 'pay'
    AND event_date >= :pay_from
    AND event_date <= :pay_to
    AND arrival_date <= :max_arrival
),
clicks AS (
  SELECT event_id, user_id, item_id, event_time, campaign_id, channel, merchant_id
  FROM attr_clicks
  WHERE arrival_date <= :max_arrival
),
ranked AS (
  SELECT
    p.event_id AS pay_event_id,
    p.event_date,
    p.amount,
    c.event_id AS click_event_id,
    c.campaign_id,
    c.channel,
    c.merchant_id,
    row_number() OVER (PARTITION BY p.event_id
                       ORDER BY c.event_time DESC, c.event_id DESC) AS rank_in_window
  FROM pays p
  JOIN clicks c
    ON c.user_id = p.user_id
   AND c.item_id = p.item_id
   AND c.event_time <= p.event_time
   AND unix_micros(c.event_time) >= unix_micros(p.event_time) - :window_micros
)
SELECT pay_event_id, event_date, amount, click_event_id, campaign_id, channel, merchant_id
FROM ranked
WHERE rank_in_window = 1
