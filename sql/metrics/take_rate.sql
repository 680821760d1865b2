-- take_rate: cmr / gmv (SPEC §2); NULL when gmv is 0 (a ratio whose denominator is 0 is NULL,
-- never Infinity or NaN). The one definition: every SQL file that reports a take rate calls
-- take_rate(cmr, gmv). Registered with the other metric functions (cmr.sql.SqlFiles).
CREATE OR REPLACE TEMPORARY FUNCTION take_rate(revenue DECIMAL(18,2), gmv DECIMAL(18,2))
RETURNS DOUBLE
RETURN CASE WHEN gmv = 0 THEN CAST(NULL AS DOUBLE)
            ELSE CAST(revenue AS DOUBLE) / CAST(gmv AS DOUBLE) END
