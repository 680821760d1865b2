-- Validation of the landing rows of the `campaigns` snapshot (SPEC §1).
-- Grain: one row per landing record. Input view: landing_rows (see validate_orders.sql).
-- Output: typed columns and `reason` (NULL = accepted), first rule broken in this order:
-- unparseable, missing_field (target_roi is required for quanzhantui), bad_id, bad_enum,
-- bad_time (start_date/end_date not YYYY-MM-DD, or end_date before start_date), bad_money
-- (daily_budget not money > 0), bad_number (target_roi not a decimal > 0 for quanzhantui).
-- target_roi given for another campaign type is ignored (stored as NULL), as SPEC says it is null
-- there. Repeated keys: duplicate_key, decided later.
-- Parameters: :max_money (:late_days is passed and unused).
WITH parsed AS (
  SELECT
    l.*,
    -- money has at most 2 fraction digits, checked exactly to 18 (below, round()'s narrower
    -- result is cast back to this type: compared as is, Spark would drop fraction digits); a
    -- nonzero digit past the 18th, which the cast rounds away, is caught on the text
    CAST(daily_budget AS DECIMAL(38, 18)) AS budget_dec,
    CAST(target_roi AS DECIMAL(38, 10)) AS roi_dec,
    CASE WHEN start_date RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(start_date AS DATE) END AS start_d,
    CASE WHEN end_date RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(end_date AS DATE) END AS end_d
  FROM landing_rows l
)
SELECT
  _source_file, _arrival_date, _record, _raw, _bad_utf8,
  CASE
    WHEN _corrupt THEN 'unparseable'
    WHEN campaign_id IS NULL OR merchant_id IS NULL OR item_id IS NULL OR campaign_type IS NULL
      OR daily_budget IS NULL OR start_date IS NULL
      OR (campaign_type = 'quanzhantui' AND target_roi IS NULL) THEN 'missing_field'
    WHEN NOT (campaign_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND merchant_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$'
      AND item_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$') THEN 'bad_id'
    WHEN campaign_type NOT IN ('quanzhantui', 'search_cpc', 'display_cpm', 'feed_cpc') THEN 'bad_enum'
    WHEN start_d IS NULL OR (end_date IS NOT NULL AND (end_d IS NULL OR end_d < start_d)) THEN 'bad_time'
    WHEN budget_dec IS NULL OR budget_dec <> CAST(round(budget_dec, 2) AS DECIMAL(38, 18))
        OR daily_budget RLIKE '[.][0-9]{18}0*[1-9]' OR budget_dec <= 0
      OR budget_dec > CAST(:max_money AS DECIMAL(18, 2)) THEN 'bad_money'
    WHEN campaign_type = 'quanzhantui' AND (roi_dec IS NULL OR roi_dec <= 0) THEN 'bad_number'
  END AS reason,
  campaign_id, merchant_id, item_id, campaign_type,
  CAST(budget_dec AS DECIMAL(18, 2)) AS daily_budget,
  CASE WHEN campaign_type = 'quanzhantui' THEN CAST(roi_dec AS DECIMAL(24, 10)) END AS target_roi,
  start_d AS start_date,
  end_d AS end_date
FROM parsed
