-- silver/merchants: the merchants snapshot that arrived on :run_date (absent when none arrived).
-- Grain: one merchant per snapshot. Key: (snapshot_date, merchant_id). Upstream: bronze/merchants.
-- Readers take "the latest snapshot on or before d"; a merchant missing from it is `unknown`.
SELECT merchant_id, merchant_type, segment, category_id, arrival_date AS snapshot_date
FROM bronze_merchants
WHERE arrival_date = :run_date
