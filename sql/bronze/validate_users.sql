-- Validation of the landing rows of the `users` snapshot (SPEC §1).
-- Grain: one row per landing record. Input view: landing_rows (see validate_orders.sql).
-- Output: typed columns and `reason` (NULL = accepted), first rule broken in this order:
-- unparseable, missing_field, bad_id, bad_enum (vip88 not true/false), bad_time (registered_date
-- not a YYYY-MM-DD date), bad_number (taoqi_score not an integer >= 0). A key repeated among the
-- rows that pass is decided later (duplicate_key, cmr.ingest.Deduplicator).
-- Parameters: none (the common ones, :run_date, :late_days, :max_money, are passed and unused).
WITH parsed AS (
  SELECT
    l.*,
    CASE WHEN registered_date RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
         THEN CAST(registered_date AS DATE) END AS registered,
    CASE WHEN taoqi_score RLIKE '^[+]?[0-9]{1,9}$' THEN CAST(taoqi_score AS INT) END AS taoqi_int,
    CASE lower(vip88) WHEN 'true' THEN true WHEN 'false' THEN false END AS vip
  FROM landing_rows l
)
SELECT
  _source_file, _record, _raw, _bad_utf8,
  CASE
    WHEN _corrupt THEN 'unparseable'
    WHEN user_id IS NULL OR registered_date IS NULL OR taoqi_score IS NULL OR vip88 IS NULL
      THEN 'missing_field'
    WHEN NOT user_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' THEN 'bad_id'
    WHEN vip IS NULL THEN 'bad_enum'
    WHEN registered IS NULL THEN 'bad_time'
    WHEN taoqi_int IS NULL THEN 'bad_number'
  END AS reason,
  user_id,
  registered AS registered_date,
  taoqi_int AS taoqi_score,
  vip AS vip88
FROM parsed
