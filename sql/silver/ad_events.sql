-- silver/ad_events: the run date's accepted ad_events events, typed, one row per event_id.
-- Grain: one event. Key: event_id. Upstream: bronze/ad_events (view bronze_ad_events), arrival day :run_date.
-- Partitioned by event_date (Asia/Shanghai); the run replaces exactly the rows with
-- arrival_date = :run_date, so late events land in their own event_date partition and a rerun
-- of the same arrival day changes nothing. Duplicates were already dropped at ingestion.
SELECT
  event_id, event_type, campaign_id, merchant_id, item_id, channel, user_id, cost,
  event_time,
  event_date,
  arrival_date
FROM bronze_ad_events
WHERE arrival_date = :run_date
