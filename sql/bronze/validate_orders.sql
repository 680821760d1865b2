-- Validation of the landing rows of source `orders` (SPEC §1).
-- Grain: one row per landing record. Input view: landing_rows (every field as text plus _record,
-- _raw, _corrupt, _bad_utf8, _source_file; see cmr.ingest.LandingReader).
-- Output: the input columns, the typed contract columns (suffix-free names, typed), event_date
-- (calendar date of event_time in Asia/Shanghai; the session time zone is pinned to it), and
-- `reason`: NULL when the row is accepted, else the first rule it breaks, in this order:
-- unparseable, missing_field, bad_id, bad_enum, bad_time, bad_money, bad_number, future_event,
-- too_late. quantity and pay_method are checked for pay events only (ignored for refunds).
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
    CAST(amount AS DECIMAL(38, 18)) AS amount_dec,
    CASE WHEN quantity RLIKE '^[+]?[0-9]{1,9}$' THEN CAST(quantity AS INT) END AS quantity_int
  FROM landing_rows l
),
checked AS (
  SELECT
    p.*,
    CASE
      WHEN _corrupt THEN 'unparseable'
      WHEN event_id IS NULL OR event_type IS NULL OR order_id IS NULL OR user_id IS NULL
        OR merchant_id IS NULL OR item_id IS NULL OR category_id IS NULL OR amount IS NULL
        OR event_time IS NULL
        OR (event_type = 'pay' AND (quantity IS NULL OR pay_method IS NULL)) THEN 'missing_field'
      WHEN NOT (event_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND order_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$'
        AND user_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND merchant_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$'
        AND item_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND category_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$') THEN 'bad_id'
      WHEN event_type NOT IN ('pay', 'refund')
        OR (event_type = 'pay' AND pay_method NOT IN ('alipay', 'wechat_pay', 'bank_card', 'other')) THEN 'bad_enum'
      WHEN ts IS NULL THEN 'bad_time'
      WHEN amount_dec IS NULL OR amount_dec <> CAST(round(amount_dec, 2) AS DECIMAL(38, 18))
        OR amount RLIKE '[.][0-9]{18}0*[1-9]' OR amount_dec <= 0
        OR amount_dec > CAST(:max_money AS DECIMAL(18, 2)) THEN 'bad_money'
      WHEN event_type = 'pay' AND (quantity_int IS NULL OR quantity_int < 1) THEN 'bad_number'
      WHEN to_date(ts) > _arrival_date THEN 'future_event'
      WHEN to_date(ts) < date_sub(_arrival_date, :late_days) THEN 'too_late'
    END AS reason
  FROM parsed p
)
SELECT
  _source_file, _arrival_date, _record, _raw, _bad_utf8, reason,
  event_id, event_type, order_id, user_id, merchant_id, item_id, category_id,
  CASE WHEN event_type = 'pay' THEN quantity_int END AS quantity,
  CAST(amount_dec AS DECIMAL(18, 2)) AS amount,
  CASE WHEN event_type = 'pay' THEN pay_method END AS pay_method,
  ts AS event_time,
  to_date(ts) AS event_date
FROM checked
