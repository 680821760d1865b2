-- gold/tier_transitions: moves between UCMV tiers from the end of M-1 to the end of M.
-- Grain: one row per (month, from_tier, to_tier) with >= 1 user, for the recomputed months.
-- Key: month, from_tier (NEW, V, M, C, U, L), to_tier (V, M, C, U, L).
-- Upstream: state user_month_tiers (the ladder rules live there).
-- Notes: covers every user registered at the end of M; from_tier is NEW when the user's
--   registered_date is after the end of M-1. For the first reported month the tier at the end of
--   M-1 is still computed by the rules from what silver holds (usually L or U).
SELECT t.month, t.from_tier, t.to_tier, CAST(count(*) AS BIGINT) AS users
FROM user_month_tiers t
WHERE t.month IN (SELECT month FROM kpi_months)
GROUP BY t.month, t.from_tier, t.to_tier
