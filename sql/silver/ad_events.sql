-- silver/ad_events: the accepted ad_events events of the arrival days being built, typed, one row per event_id.
-- Grain: one event. Key: event_id. Upstream: bronze/ad_events (view bronze_ad_events, already limited by the job to the arrival days being built).
-- Partitioned by event_date (Asia/Shanghai); the run replaces exactly the rows of those
-- arrival days, so late events land in their own event_date partition and a rerun
-- of the same arrival day changes nothing. Duplicates were already dropped at ingestion.
SELECT
  event_id, event_type, campaign_id, merchant_id, item_id, channel, user_id, cost,
  event_time,
  event_date,
  arrival_date
FROM bronze_ad_events
