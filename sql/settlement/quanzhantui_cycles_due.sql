-- Grain: one whole-site promotion cycle due for settlement by this run; key: campaign_id,
--   cycle_start.
-- Upstream: silver/campaigns (temp view settle_campaigns), gold/quanzhantui_settlements (temp
--   view settle_final: the cycles already settled by another run date).
-- Notes: SPEC §2 "Whole-site promotion settlement". Cycle n covers [start + c*n, start + c*n + c-1]
--   (c = :cycle_days) for every n whose cycle starts on or before end_date (if any); its settling
--   date S is cycle_end + :lag_days. A cycle is due when :s_from <= S <= :run_date (:s_from = the
--   day after the previous settlement run, and never before the first date run: cycles that fell
--   due before reporting started are not settled), and not settled by another run date.
--   Campaign attributes come from the campaigns snapshot as of S (the latest snapshot on or
--   before S), i.e. as of the daily run that settles it, so a backfill settling many cycles in one
--   pass gives the rows a run per date would. Each snapshot is valid from its date to the day
--   before the next one; floor and ceiling solve the inequalities for n within that interval.
WITH snapshot_dates AS (
  SELECT DISTINCT snapshot_date
  FROM settle_campaigns
  WHERE snapshot_date <= :run_date
),
validity AS (
  SELECT
    snapshot_date AS valid_from,
    coalesce(date_sub(lead(snapshot_date) OVER (ORDER BY snapshot_date), 1),
             CAST(:run_date AS DATE)) AS valid_to
  FROM snapshot_dates
),
quanzhantui AS (
  SELECT
    c.campaign_id,
    c.merchant_id,
    c.start_date,
    c.end_date,
    c.target_roi,
    greatest(v.valid_from, CAST(:s_from AS DATE)) AS s_lo,
    v.valid_to AS s_hi
  FROM settle_campaigns c
  JOIN validity v ON c.snapshot_date = v.valid_from
  WHERE c.campaign_type = 'quanzhantui'
    AND c.start_date IS NOT NULL
    AND v.valid_to >= :s_from
),
bounds AS (
  SELECT
    campaign_id,
    merchant_id,
    start_date,
    target_roi,
    greatest(0, CAST(ceil((datediff(s_lo, start_date) - :lag_days - (:cycle_days - 1))
                          / :cycle_days) AS INT)) AS n_from,
    least(
      CAST(floor((datediff(s_hi, start_date) - :lag_days - (:cycle_days - 1))
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
