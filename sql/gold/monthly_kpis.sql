-- gold/monthly_kpis: the month as it stands, with growth against earlier months (SPEC §2, §3).
-- Grain: one row per recomputed month (kpi_months). Key: month ('YYYY-MM').
-- Upstream: kpi_months (run calendar, built from ops/job_runs), state user_daily and
--   merchant_daily_money, settlements, monthly_kpis_existing (gold rows of the other months),
--   daily_kpis (gold, as this run has just written it).
-- Notes: a month row covers the days run so far: cover_start = max(month start, first date run)
--   .. month_end = min(last day, latest date run); days_covered counts them. The previous month
--   "has rows" when it is recomputed now or already in gold; otherwise mau_net_adds, mau_growth,
--   mau_prev_same_days and the MoM ratios are NULL (likewise YoY for month - 12). Growth ratios
--   = (this - earlier) / earlier on the reported values, NULL when the earlier value is 0.
--   mau_prev_same_days = distinct users active in the first days_covered days of M-1 (calendar
--   days 1..days_covered, capped at its last day; from state, which like the trailing MAU window
--   holds late events dated before the first date run).
--   Like for like (SPEC §3: "GMV and CMR like for like come from daily_kpis"): *_prev_same_days
--   = the daily_kpis rows of those same first days of M-1 summed (NULL when none of those days
--   has a row); *_mom_same_days and *_yoy_same_days = growth of the month's own daily_kpis rows
--   (cover_start .. month_end) summed against those sums of the same first days of M-1 and of
--   M-12: both sides are sums of daily rows, so they compare like for like to the cent.
WITH months AS (
  SELECT * FROM kpi_months
),
users AS (
  SELECT m.month,
         count(DISTINCT u.user_id) AS mau,
         count(DISTINCT CASE WHEN u.wechat THEN u.user_id END) AS wechat_users
  FROM months m
  LEFT JOIN user_daily u
    ON u.active AND u.date BETWEEN m.cover_start AND m.month_end
  GROUP BY m.month
),
prev_same AS (
  SELECT m.month, count(DISTINCT u.user_id) AS mau_prev_same_days
  FROM months m
  LEFT JOIN user_daily u
    ON u.active AND u.date BETWEEN m.prev_same_start AND m.prev_same_end
  GROUP BY m.month
),
money AS (
  SELECT m.month,
         sum(x.gmv) AS gmv, sum(x.refunds) AS refunds, sum(x.ad_revenue) AS ad_revenue,
         sum(x.commission_exact) AS commission_exact
  FROM months m
  LEFT JOIN merchant_daily_money x ON x.date BETWEEN m.cover_start AND m.month_end
  GROUP BY m.month
),
same_days AS (
  -- one pass over daily_kpis for the three windows (a sum over no row is NULL)
  SELECT m.month,
         sum(IF(d.date BETWEEN m.cover_start AND m.month_end, d.gmv, NULL)) AS this_gmv,
         sum(IF(d.date BETWEEN m.cover_start AND m.month_end, d.cmr, NULL)) AS this_cmr,
         sum(IF(d.date BETWEEN m.prev_same_start AND m.prev_same_end, d.gmv, NULL)) AS prev_gmv,
         sum(IF(d.date BETWEEN m.prev_same_start AND m.prev_same_end, d.cmr, NULL)) AS prev_cmr,
         sum(IF(d.date BETWEEN m.prev_same_start AND m.prev_same_end, d.compensation, NULL))
           AS prev_compensation,
         sum(IF(d.date BETWEEN m.yoy_same_start AND m.yoy_same_end, d.gmv, NULL)) AS yoy_gmv,
         sum(IF(d.date BETWEEN m.yoy_same_start AND m.yoy_same_end, d.cmr, NULL)) AS yoy_cmr
  FROM months m
  LEFT JOIN daily_kpis d
    ON d.date BETWEEN m.cover_start AND m.month_end
    OR d.date BETWEEN m.prev_same_start AND m.prev_same_end
    OR d.date BETWEEN m.yoy_same_start AND m.yoy_same_end
  GROUP BY m.month
),
comp AS (
  SELECT m.month, sum(s.compensation) AS compensation
  FROM months m
  LEFT JOIN settlements s ON s.cycle_end BETWEEN m.cover_start AND m.month_end
  GROUP BY m.month
),
fresh AS (
  SELECT m.month, m.prev_month, m.yoy_month, m.days_covered,
         u.mau, u.wechat_users, p.mau_prev_same_days,
         CAST(coalesce(x.gmv, 0) AS DECIMAL(18,2)) AS gmv,
         CAST(coalesce(x.refunds, 0) AS DECIMAL(18,2)) AS refunds,
         CAST(coalesce(x.ad_revenue, 0) AS DECIMAL(18,2)) AS ad_revenue,
         CAST(round(coalesce(x.commission_exact, 0), 2) AS DECIMAL(18,2)) AS commission,
         CAST(coalesce(c.compensation, 0) AS DECIMAL(18,2)) AS compensation
  FROM months m
  JOIN users u ON u.month = m.month
  JOIN prev_same p ON p.month = m.month
  JOIN money x ON x.month = m.month
  JOIN comp c ON c.month = m.month
),
reported AS (
  SELECT f.*,
         cmr(ad_revenue, commission, compensation) AS cmr
  FROM fresh f
),
history AS (
  SELECT month, mau, gmv, cmr FROM reported
  UNION ALL
  SELECT month, mau, gmv, cmr FROM monthly_kpis_existing
  WHERE month NOT IN (SELECT month FROM months)
)
SELECT r.month,
       CAST(r.mau AS BIGINT) AS mau,
       CAST(r.mau - p.mau AS BIGINT) AS mau_net_adds,
       CASE WHEN p.mau IS NULL OR p.mau = 0 THEN CAST(NULL AS DOUBLE)
            ELSE CAST(r.mau - p.mau AS DOUBLE) / CAST(p.mau AS DOUBLE) END AS mau_growth,
       CAST(r.wechat_users AS BIGINT) AS wechat_users,
       r.gmv,
       r.refunds,
       CAST(r.gmv - r.refunds AS DECIMAL(18,2)) AS net_gmv,
       r.ad_revenue,
       r.commission,
       r.compensation,
       r.cmr,
       take_rate(r.cmr, r.gmv) AS take_rate,
       growth(r.gmv, p.gmv) AS gmv_mom,
       growth(r.cmr, p.cmr) AS cmr_mom,
       growth(r.gmv, y.gmv) AS gmv_yoy,
       growth(r.cmr, y.cmr) AS cmr_yoy,
       CAST(r.days_covered AS BIGINT) AS days_covered,
       CASE WHEN p.month IS NULL THEN CAST(NULL AS BIGINT)
            ELSE CAST(r.mau_prev_same_days AS BIGINT) END AS mau_prev_same_days,
       CAST(sd.prev_gmv AS DECIMAL(18,2)) AS gmv_prev_same_days,
       CAST(sd.prev_cmr AS DECIMAL(18,2)) AS cmr_prev_same_days,
       CAST(sd.prev_compensation AS DECIMAL(18,2)) AS compensation_prev_same_days,
       growth(sd.this_gmv, sd.prev_gmv) AS gmv_mom_same_days,
       growth(sd.this_cmr, sd.prev_cmr) AS cmr_mom_same_days,
       growth(sd.this_gmv, sd.yoy_gmv) AS gmv_yoy_same_days,
       growth(sd.this_cmr, sd.yoy_cmr) AS cmr_yoy_same_days
FROM reported r
JOIN same_days sd ON sd.month = r.month
LEFT JOIN history p ON p.month = r.prev_month
LEFT JOIN history y ON y.month = r.yoy_month
