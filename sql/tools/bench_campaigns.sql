-- Synthetic silver campaigns snapshot for the attribution benchmark (lab only): 2,000 campaigns
-- from :d, every second one a whole-site promotion with a target ROI of 2 to 6.
SELECT concat('k', id) AS campaign_id,
       concat('m', id % 300) AS merchant_id,
       concat('i', id) AS item_id,
       IF(id % 2 = 0, 'quanzhantui', 'search_cpc') AS campaign_type,
       CAST(500 AS DECIMAL(18,2)) AS daily_budget,
       IF(id % 2 = 0, CAST(2 + id % 5 AS DECIMAL(24,10)), NULL) AS target_roi,
       CAST(:d AS DATE) AS start_date,
       CAST(NULL AS DATE) AS end_date,
       CAST(:d AS DATE) AS snapshot_date
FROM range(2000)
