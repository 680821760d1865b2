-- Grain: one settled whole-site promotion cycle; key: campaign_id, cycle_start.
-- Upstream: the cycles due (temp view settle_cycles, from attribution/quanzhantui_cycles_due.sql),
--   silver/ad_events (temp view settle_ad_events), pay events attributed as of each settling date
--   (temp view settle_attributed, from attribution/last_click.sql, with a settling_date column).
-- Notes: SPEC §2 "Whole-site promotion settlement". Only events that had arrived by the cycle's
--   settling date count (arrival_date <= settling_date), so a rerun reproduces the row.
--   spend and attributed_gmv over all channels; active_days = days with spend > 0;
--   roi = gmv / spend and attainment = roi / target_roi (NULL when a denominator is 0 or NULL);
--   eligible when spend >= :min_spend, active_days >= :min_active_days and target_roi <=
--   :max_target_roi; compensation = max(0, spend - gmv / target_roi) rounded half-up to cents
--   (exact decimal division with 15 fraction digits before rounding), 0 when not eligible.
--   :from_date .. :to_date bound the ad event dates read (partition pruning).
WITH daily_spend AS (
  SELECT
    cy.campaign_id,
    cy.cycle_start,
    a.event_date,
    sum(a.cost) AS day_spend
  FROM settle_cycles cy
  JOIN settle_ad_events a
    ON a.campaign_id = cy.campaign_id
   AND a.event_date >= cy.cycle_start
   AND a.event_date <= cy.cycle_end
   AND a.arrival_date <= cy.settling_date
  WHERE a.event_date >= :from_date
    AND a.event_date <= :to_date
  GROUP BY cy.campaign_id, cy.cycle_start, a.event_date
),
spend AS (
  SELECT
    campaign_id,
    cycle_start,
    sum(day_spend) AS spend,
    count_if(day_spend > 0) AS active_days
  FROM daily_spend
  GROUP BY campaign_id, cycle_start
),
gmv AS (
  SELECT
    cy.campaign_id,
    cy.cycle_start,
    sum(p.amount) AS attributed_gmv
  FROM settle_cycles cy
  JOIN settle_attributed p
    ON p.campaign_id = cy.campaign_id
   AND p.settling_date = cy.settling_date
   AND p.event_date >= cy.cycle_start
   AND p.event_date <= cy.cycle_end
  GROUP BY cy.campaign_id, cy.cycle_start
),
cycle_totals AS (
  SELECT
    cy.campaign_id,
    cy.cycle_start,
    cy.merchant_id,
    cy.cycle_end,
    cy.settling_date,
    cy.target_roi,
    CAST(coalesce(s.spend, 0) AS DECIMAL(18,2)) AS spend,
    CAST(coalesce(g.attributed_gmv, 0) AS DECIMAL(18,2)) AS attributed_gmv,
    CAST(coalesce(s.active_days, 0) AS BIGINT) AS active_days
  FROM settle_cycles cy
  LEFT JOIN spend s ON s.campaign_id = cy.campaign_id AND s.cycle_start = cy.cycle_start
  LEFT JOIN gmv g ON g.campaign_id = cy.campaign_id AND g.cycle_start = cy.cycle_start
),
rated AS (
  SELECT
    *,
    CASE WHEN spend = 0 THEN CAST(NULL AS DOUBLE)
         ELSE CAST(attributed_gmv AS DOUBLE) / CAST(spend AS DOUBLE) END AS roi,
    coalesce(spend >= :min_spend
             AND active_days >= :min_active_days
             AND target_roi > 0
             AND target_roi <= :max_target_roi, false) AS eligible
  FROM cycle_totals
)
SELECT
  campaign_id,
  cycle_start,
  merchant_id,
  cycle_end,
  spend,
  attributed_gmv,
  active_days,
  CAST(target_roi AS DOUBLE) AS target_roi,
  roi,
  CASE WHEN roi IS NULL OR target_roi IS NULL OR target_roi = 0 THEN CAST(NULL AS DOUBLE)
       ELSE roi / CAST(target_roi AS DOUBLE) END AS attainment,
  eligible,
  CASE WHEN eligible
       THEN CAST(round(greatest(CAST(0 AS DECIMAL(38,15)),
                 spend - CAST(attributed_gmv AS DECIMAL(20,2)) / CAST(target_roi AS DECIMAL(24,10))),
                 2) AS DECIMAL(18,2))
       ELSE CAST(0 AS DECIMAL(18,2)) END AS compensation,
  settling_date,
  CAST(:run_date AS DATE) AS settled_on
FROM rated
