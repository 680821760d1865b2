-- cmr: customer management revenue (客户管理收入), SPEC §2: ad_revenue + commission - compensation,
-- in CNY, DECIMAL(18,2). The one definition: every SQL file that reports cmr calls cmr(...).
-- Registered as a temporary function of the session before any SQL file runs (cmr.sql.SqlFiles).
CREATE OR REPLACE TEMPORARY FUNCTION cmr(ad_revenue DECIMAL(18,2), commission DECIMAL(18,2),
                                         compensation DECIMAL(18,2))
RETURNS DECIMAL(18,2)
RETURN CAST(ad_revenue + commission - compensation AS DECIMAL(18,2))
