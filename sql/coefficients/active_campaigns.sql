-- Grain: one row per active whole-site promotion campaign on :run_date.
-- Key: campaign_id.
-- Upstream: silver campaigns, silver merchants (views of the same names).
-- Notes: "active" is SPEC §4: campaign_type = 'quanzhantui' and start_date <= :run_date <= end_date
--   (or no end_date), in the latest campaigns snapshot on or before :run_date. The merchant's
--   category (latest merchants snapshot on or before :run_date, 'unknown' when absent) is the
--   pool that cold starts are shrunk towards.
WITH campaign_snapshot AS (
  SELECT MAX(snapshot_date) AS d FROM campaigns WHERE snapshot_date <= :run_date
),
merchant_snapshot AS (
  SELECT MAX(snapshot_date) AS d FROM merchants WHERE snapshot_date <= :run_date
),
active AS (
  SELECT c.campaign_id, c.merchant_id, c.daily_budget, CAST(c.target_roi AS DOUBLE) AS target_roi
  FROM campaigns c
  JOIN campaign_snapshot s ON c.snapshot_date = s.d
  WHERE c.campaign_type = 'quanzhantui'
    AND c.start_date <= :run_date
    AND (c.end_date IS NULL OR c.end_date >= :run_date)
),
merchant AS (
  SELECT m.merchant_id, m.category_id
  FROM merchants m
  JOIN merchant_snapshot s ON m.snapshot_date = s.d
)
SELECT a.campaign_id, a.merchant_id, COALESCE(m.category_id, 'unknown') AS category_id,
       a.daily_budget, a.target_roi
FROM active a
LEFT JOIN merchant m ON m.merchant_id = a.merchant_id
