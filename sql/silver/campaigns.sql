-- silver/campaigns: the campaigns snapshot of each arrival day being built (absent when none arrived).
-- Grain: one campaign per snapshot. Key: (snapshot_date, campaign_id). Upstream: bronze/campaigns (view, limited to the days being built).
-- target_roi is set for quanzhantui campaigns only.
SELECT campaign_id, merchant_id, item_id, campaign_type, daily_budget, target_roi, start_date,
       end_date, arrival_date AS snapshot_date
FROM bronze_campaigns
