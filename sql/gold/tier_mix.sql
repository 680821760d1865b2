-- gold/tier_mix: how many registered users sit on each UCMV tier at the end of the month.
-- Grain: one row per (month, tier) with >= 1 user, for the recomputed months (kpi_months).
-- Key: month, tier (V, M, C, U, L).
-- Upstream: state user_month_tiers (the ladder rules live there).
-- Notes: the end of a month is its last day, or the latest date run so far when that is earlier.
SELECT t.month, t.to_tier AS tier, CAST(count(*) AS BIGINT) AS users
FROM user_month_tiers t
WHERE t.month IN (SELECT month FROM kpi_months)
GROUP BY t.month, t.to_tier
