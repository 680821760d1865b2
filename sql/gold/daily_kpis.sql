-- gold/daily_kpis: the headline numbers of one day (SPEC §2, §3).
-- Grain: one row per reported date in :from_date..:to_date, also days without any event.
-- Key: date.
-- Upstream: state user_daily, user_first_active, merchant_daily_money; settlements
--   (gold/quanzhantui_settlements, empty until that table exists).
-- Parameters: :from_date, :to_date, :mau_days (30), :latest_date (latest date run so far),
--   :late_days.
-- Notes: mau = distinct users active in [date - mau_days + 1, date], from all ingested activity
--   (user_daily has one row per active user and day, so dau = its row count);
--   commission is the exact per-event sum rounded half-up once; cmr = ad_revenue + commission -
--   compensation (the reported columns); take_rate NULL when gmv = 0; compensation counts on the
--   settled cycle's cycle_end; final = date more than late_days before the latest date run.
WITH days AS (
  SELECT explode(sequence(CAST(:from_date AS DATE), CAST(:to_date AS DATE))) AS date
),
active AS (
  SELECT date, user_id
  FROM user_daily
  WHERE active AND date BETWEEN date_sub(:from_date, :mau_days - 1) AND :to_date
),
-- mau(d) without a days x users blow-up: an active day a of a user counts the user in mau for
-- the days a .. min(a + mau_days, the user's next active day) - 1. These spans of one user do
-- not overlap and together cover exactly the days whose trailing window holds an active day,
-- so mau(d) = the number of spans containing d = running sum of +1 at span starts, -1 at ends.
spans AS (
  SELECT date AS span_start,
         least(date_add(date, :mau_days),
               coalesce(lead(date) OVER (PARTITION BY user_id ORDER BY date),
                        date_add(date, :mau_days))) AS span_end
  FROM active
),
deltas AS (
  SELECT date, sum(delta) AS delta
  FROM (SELECT span_start AS date, 1 AS delta FROM spans
        UNION ALL
        SELECT span_end AS date, -1 AS delta FROM spans) e
  GROUP BY date
),
users AS (
  SELECT d.date,
         coalesce(max(dau.dau), 0) AS dau,
         coalesce(sum(x.delta), 0) AS mau
  FROM days d
  LEFT JOIN deltas x ON x.date <= d.date
  LEFT JOIN (SELECT date, count(*) AS dau FROM active GROUP BY date) dau ON dau.date = d.date
  GROUP BY d.date
),
new_users AS (
  SELECT first_active_date AS date, count(*) AS new_users
  FROM user_first_active
  WHERE first_active_date BETWEEN :from_date AND :to_date
  GROUP BY first_active_date
),
money AS (
  SELECT date, sum(gmv) AS gmv, sum(refunds) AS refunds, sum(ad_revenue) AS ad_revenue,
         sum(commission_exact) AS commission_exact
  FROM merchant_daily_money
  WHERE date BETWEEN :from_date AND :to_date
  GROUP BY date
),
comp AS (
  SELECT cycle_end AS date, sum(compensation) AS compensation
  FROM settlements
  WHERE cycle_end BETWEEN :from_date AND :to_date
  GROUP BY cycle_end
),
reported AS (
  SELECT d.date,
         u.dau,
         u.mau,
         coalesce(n.new_users, 0) AS new_users,
         CAST(coalesce(m.gmv, 0) AS DECIMAL(18,2)) AS gmv,
         CAST(coalesce(m.refunds, 0) AS DECIMAL(18,2)) AS refunds,
         CAST(coalesce(m.ad_revenue, 0) AS DECIMAL(18,2)) AS ad_revenue,
         CAST(round(coalesce(m.commission_exact, 0), 2) AS DECIMAL(18,2)) AS commission,
         CAST(coalesce(c.compensation, 0) AS DECIMAL(18,2)) AS compensation
  FROM days d
  JOIN users u ON u.date = d.date
  LEFT JOIN new_users n ON n.date = d.date
  LEFT JOIN money m ON m.date = d.date
  LEFT JOIN comp c ON c.date = d.date
)
SELECT date,
       CAST(dau AS BIGINT) AS dau,
       CAST(mau AS BIGINT) AS mau,
       CAST(new_users AS BIGINT) AS new_users,
       gmv,
       refunds,
       CAST(gmv - refunds AS DECIMAL(18,2)) AS net_gmv,
       ad_revenue,
       commission,
       compensation,
       cmr(ad_revenue, commission, compensation) AS cmr,
       take_rate(cmr(ad_revenue, commission, compensation), gmv) AS take_rate,
       date < date_sub(:latest_date, :late_days) AS final
FROM reported
