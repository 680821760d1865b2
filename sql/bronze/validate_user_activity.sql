-- Validation of the landing rows of source `user_activity` (SPEC §1).
-- Grain: one row per landing record. Input view: landing_rows (see validate_orders.sql).
-- Output: typed contract columns, event_date (Asia/Shanghai), and `reason` (NULL = accepted), the
-- first rule broken in this order: unparseable, missing_field, bad_id, bad_enum, bad_time,
-- future_event, too_late. item_id and category_id are nullable; when given they must be valid ids.
-- Parameters: :run_date DATE, :late_days INT.
WITH parsed AS (
  SELECT
    l.*,
    CASE WHEN event_time RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$'
         THEN CAST(event_time AS TIMESTAMP) END AS ts
  FROM landing_rows l
),
checked AS (
  SELECT
    p.*,
    CASE
      WHEN _corrupt THEN 'unparseable'
      WHEN event_id IS NULL OR user_id IS NULL OR event_type IS NULL OR source IS NULL
        OR event_time IS NULL THEN 'missing_field'
      WHEN NOT (event_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND user_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$'
        AND coalesce(item_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$', true)
        AND coalesce(category_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$', true)) THEN 'bad_id'
      WHEN event_type NOT IN ('launch', 'search', 'view', 'fav', 'cart', 'share')
        OR source NOT IN ('app', 'wechat', 'alipay', 'xiaohongshu', 'weibo', 'other') THEN 'bad_enum'
      WHEN ts IS NULL THEN 'bad_time'
      WHEN to_date(ts) > :run_date THEN 'future_event'
      WHEN to_date(ts) < date_sub(:run_date, :late_days) THEN 'too_late'
    END AS reason
  FROM parsed p
)
SELECT
  _source_file, _record, _raw, _bad_utf8, reason,
  event_id, user_id, event_type, source, item_id, category_id,
  ts AS event_time,
  to_date(ts) AS event_date
FROM checked
