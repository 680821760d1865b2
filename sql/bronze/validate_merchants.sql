-- Validation of the landing rows of the `merchants` snapshot (SPEC §1).
-- Grain: one row per landing record. Input view: landing_rows (see validate_orders.sql).
-- Output: typed columns and `reason` (NULL = accepted), first rule broken in this order:
-- unparseable, missing_field, bad_id, bad_enum. Repeated keys: duplicate_key, decided later.
-- Parameters: none (the common ones are passed and unused).
SELECT
  _source_file, _record, _raw, _bad_utf8,
  CASE
    WHEN _corrupt THEN 'unparseable'
    WHEN merchant_id IS NULL OR merchant_type IS NULL OR segment IS NULL OR category_id IS NULL
      THEN 'missing_field'
    WHEN NOT (merchant_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$' AND category_id RLIKE '^[A-Za-z0-9_.:-]{1,64}$')
      THEN 'bad_id'
    WHEN merchant_type NOT IN ('tmall', 'taobao') OR segment NOT IN ('key_account', 'sme') THEN 'bad_enum'
  END AS reason,
  merchant_id, merchant_type, segment, category_id
FROM landing_rows
