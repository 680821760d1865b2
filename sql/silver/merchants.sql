-- silver/merchants: the merchants snapshot of each arrival day being built (absent when none arrived).
-- Grain: one merchant per snapshot. Key: (snapshot_date, merchant_id). Upstream: bronze/merchants (view, limited to the days being built).
-- Readers take "the latest snapshot on or before d"; a merchant missing from it is `unknown`.
SELECT merchant_id, merchant_type, segment, category_id, arrival_date AS snapshot_date
FROM bronze_merchants
