-- Validation of the landing rows of source `ad_events` (SPEC §1).
-- Grain: one row per landing record. Input view: landing_rows (see validate_orders.sql).
-- Output: typed contract columns, event_date (Asia/Shanghai), and `reason` (NULL = accepted), the
-- first rule broken in this order: unparseable, missing_field, bad_id, bad_enum, bad_time,
-- bad_money, future_event, too_late. cost may be 0.
-- Parameters: :late_days INT, :max_money DECIMAL. The run date of a row is its arrival day,
-- _arrival_date (a backfill validates many arrival days in one pass).
WITH parsed AS (
  SELECT
    l.*,
    CASE WHEN event_time RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$'
         THEN CAST(event_time AS TIMESTAMP) END AS ts,
    -- money has at most 2 fraction digits, checked exactly to 18 (below, round()'s narrower
    -- result is cast back to this type: compared as is, Spark would drop fraction digits); a
    -- nonzero digit past the 18th, which the cast rounds away, is caught on the text
    CAST(cost AS DECIMAL(38, 18)) AS cost_dec
  FROM landing_rows l
),
checked AS (
  SELECT
    p.*,
    CASE
      WHEN _corrupt THEN 'unparseable'
      WHEN event_id IS NULL OR event_type IS NULL OR campaign_id IS NULL OR merchant_id IS NULL
        OR item_id IS NULL OR channel IS NULL OR user_id IS NULL OR cost IS NULL
        OR event_time IS NULL THEN 'missing_field'
      WHEN NOT (event_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND campaign_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$'
        AND merchant_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND item_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$'
        AND user_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$') THEN 'bad_id'
      WHEN event_type NOT IN ('impression', 'click')
        OR NOT array_contains(:channels, channel) THEN 'bad_enum'
      WHEN ts IS NULL THEN 'bad_time'
      WHEN cost_dec IS NULL OR cost_dec <> CAST(round(cost_dec, 2) AS DECIMAL(38, 18))
        OR cost RLIKE '[.][0-9]{18}0*[1-9]' OR cost_dec < 0
        OR cost_dec > CAST(:max_money AS DECIMAL(18, 2)) THEN 'bad_money'
      WHEN to_date(ts) > _arrival_date THEN 'future_event'
      WHEN to_date(ts) < date_sub(_arrival_date, :late_days) THEN 'too_late'
    END AS reason
  FROM parsed p
)
SELECT
  _source_file, _arrival_date, _record, _raw, _bad_utf8, reason,
  event_id, event_type, campaign_id, merchant_id, item_id, channel, user_id,
  CAST(cost_dec AS DECIMAL(18, 2)) AS cost,
  ts AS event_time,
  to_date(ts) AS event_date
FROM checked
