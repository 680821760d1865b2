-- Grain: one whole-site promotion cycle due for settlement by this run; key: campaign_id,
--   cycle_start.
-- Upstream: silver/campaigns (temp view settle_campaigns), gold/quanzhantui_settlements (temp
--   view settle_final: the cycles already settled by another run date).
-- Notes: SPEC §2 "Whole-site promotion settlement". Campaign attributes come from the latest
--   campaigns snapshot on or before the run date. Cycle n covers [start + c*n, start + c*n + c-1]
--   (c = :cycle_days) for every n whose cycle starts on or before end_date (if any); its settling
--   date is cycle_end + :lag_days. Due: settling date <= :run_date and >= :first_date (the first
--   date run: cycles that fell due before reporting started are not settled), and not settled by
--   another run. Floor and ceiling solve those inequalities for n.
WITH snapshot AS (
  SELECT *
  FROM settle_campaigns
  WHERE snapshot_date = (SELECT max(snapshot_date) FROM settle_campaigns
                         WHERE snapshot_date <= :run_date)
),
quanzhantui AS (
  SELECT campaign_id, merchant_id, start_date, end_date, target_roi
  FROM snapshot
  WHERE campaign_type = 'quanzhantui'
    AND start_date IS NOT NULL
),
bounds AS (
  SELECT
    campaign_id,
    merchant_id,
    start_date,
    target_roi,
    greatest(0, CAST(ceil((datediff(:first_date, start_date) - :lag_days - (:cycle_days - 1))
                          / :cycle_days) AS INT)) AS n_from,
    least(
      CAST(floor((datediff(:run_date, start_date) - :lag_days - (:cycle_days - 1))
                 / :cycle_days) AS INT),
      coalesce(CAST(floor(datediff(end_date, start_date) / :cycle_days) AS INT), 2147483647)
    ) AS n_to
  FROM quanzhantui
),
cycles AS (
  SELECT
    campaign_id,
    merchant_id,
    target_roi,
    date_add(start_date, n * :cycle_days) AS cycle_start
  FROM bounds
  LATERAL VIEW explode(sequence(n_from, n_to)) seq AS n
  WHERE n_from <= n_to
)
SELECT
  c.campaign_id,
  c.merchant_id,
  c.cycle_start,
  date_add(c.cycle_start, :cycle_days - 1) AS cycle_end,
  date_add(c.cycle_start, :cycle_days - 1 + :lag_days) AS settling_date,
  c.target_roi
FROM cycles c
LEFT ANTI JOIN settle_final f
  ON f.campaign_id = c.campaign_id
 AND f.cycle_start = c.cycle_start
