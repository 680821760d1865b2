-- growth: (now - before) / before, e.g. 0.12 = +12% (SPEC §2: month-over-month and
-- year-over-year growth of GMV and CMR); NULL when the earlier value is missing or 0. The one
-- definition of every growth ratio in gold. Registered with the other metric functions.
CREATE OR REPLACE TEMPORARY FUNCTION growth(now DECIMAL(18,2), before DECIMAL(18,2))
RETURNS DOUBLE
RETURN CASE WHEN before IS NULL OR before = 0 THEN CAST(NULL AS DOUBLE)
            ELSE CAST(now - before AS DOUBLE) / CAST(before AS DOUBLE) END
