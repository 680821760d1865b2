-- Grain: one click (an ad event with event_type = 'click'); key: event_id.
-- Upstream: silver/ad_events (temp view attr_ad_events).
-- Notes: the compact copy of the clicks that can still win a last-click attribution, kept in
--   state/attribution_clicks partitioned by event_date. Only the columns attribution needs are
--   kept; arrival_date is kept so that a settlement can see the clicks "as arrived by" a date.
--   :from_date .. :to_date are the event dates of the slice being refreshed.
SELECT
  event_id,
  user_id,
  item_id,
  event_time,
  campaign_id,
  channel,
  merchant_id,
  event_date,
  arrival_date
FROM attr_ad_events
WHERE event_type = 'click'
  AND event_date >= :from_date
  AND event_date <= :to_date
