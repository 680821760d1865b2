-- silver/user_activity: the run date's accepted user_activity events, typed, one row per event_id.
-- Grain: one event. Key: event_id. Upstream: bronze/user_activity (view bronze_user_activity), arrival day :run_date.
-- Partitioned by event_date (Asia/Shanghai); the run replaces exactly the rows with
-- arrival_date = :run_date, so late events land in their own event_date partition and a rerun
-- of the same arrival day changes nothing. Duplicates were already dropped at ingestion.
SELECT
  event_id, user_id, event_type, source, item_id, category_id,
  event_time,
  event_date,
  arrival_date
FROM bronze_user_activity
WHERE arrival_date = :run_date
