-- Last click (SPEC §2), the one rule, as of each date S of settle_dates: daily attribution passes
-- one row (S = 9999-12-31: every arrival), settlement one row per settling date.
-- Grain: one attributed pay event per S; key: settling_date, pay_event_id.
-- Upstream: silver/orders (temp view attr_orders), clicks (temp view attr_clicks: the click
--   state and, where it does not reach, silver/ad_events clicks), settle_dates (one row per
--   settling date S: the pay dates pay_from .. pay_to of the cycles settled on S).
-- Notes: a pay event of user u on item i at time t goes to the click by u on i with click time in
--   [t - window, t] (both ends; a day is 24 h, so the window is compared in microseconds), latest
--   first, ties by the lexicographically larger event_id; pay events with no such click are not
--   returned. Every S in one pass: only pays dated pay_from .. pay_to and only pays and clicks
--   with arrival_date <= S count. A pay can
--   belong to several settling dates (cycles of campaigns with different start dates), so it is
--   attributed once per S. :pay_from .. :pay_to bound all settling dates' pay dates (pruning).
WITH pays AS (
  SELECT s.settling_date, o.event_id, o.user_id, o.item_id, o.amount, o.event_time, o.event_date
  FROM attr_orders o
  JOIN settle_dates s
    ON o.event_date >= s.pay_from
   AND o.event_date <= s.pay_to
   AND o.arrival_date <= s.settling_date
  WHERE o.event_type = 'pay'
    AND o.event_date >= :pay_from
    AND o.event_date <= :pay_to
),
ranked AS (
  SELECT
    p.settling_date,
    p.event_id AS pay_event_id,
    p.event_date,
    p.amount,
    c.event_id AS click_event_id,
    c.campaign_id,
    c.channel,
    c.merchant_id,
    row_number() OVER (PARTITION BY p.settling_date, p.event_id
                       ORDER BY c.event_time DESC, c.event_id DESC) AS rank_in_window
  FROM pays p
  JOIN attr_clicks c
    ON c.user_id = p.user_id
   AND c.item_id = p.item_id
   AND c.arrival_date <= p.settling_date
   AND c.event_time <= p.event_time
   AND unix_micros(c.event_time) >= unix_micros(p.event_time) - :window_micros
)
SELECT pay_event_id, event_date, amount, click_event_id, campaign_id, channel, merchant_id,
       settling_date
FROM ranked
WHERE rank_in_window = 1
