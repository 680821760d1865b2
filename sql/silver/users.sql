-- silver/users: the users snapshot of each arrival day being built (absent when none arrived).
-- Grain: one user per snapshot. Key: (snapshot_date, user_id). Upstream: bronze/users (view bronze_users, limited to the days being built).
-- Readers take "the latest snapshot on or before d": snapshot_date = max(snapshot_date <= d).
SELECT user_id, registered_date, taoqi_score, vip88, arrival_date AS snapshot_date
FROM bronze_users
