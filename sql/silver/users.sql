-- silver/users: the users snapshot that arrived on :run_date (absent when none arrived).
-- Grain: one user per snapshot. Key: (snapshot_date, user_id). Upstream: bronze/users.
-- Readers take "the latest snapshot on or before d": snapshot_date = max(snapshot_date <= d).
SELECT user_id, registered_date, taoqi_score, vip88, arrival_date AS snapshot_date
FROM bronze_users
WHERE arrival_date = :run_date
