-- silver/campaigns: the campaigns snapshot that arrived on :run_date (absent when none arrived).
-- Grain: one campaign per snapshot. Key: (snapshot_date, campaign_id). Upstream: bronze/campaigns.
-- target_roi is set for quanzhantui campaigns only.
SELECT campaign_id, merchant_id, item_id, campaign_type, daily_budget, target_roi, start_date,
       end_date, arrival_date AS snapshot_date
FROM bronze_campaigns
WHERE arrival_date = :run_date
