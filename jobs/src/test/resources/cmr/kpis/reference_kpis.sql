-- Independent reference for daily_kpis and monthly_kpis in DuckDB, straight from the landing
-- files (SPEC §1, §2), for the differential test. Statements are separated by ';' at line ends.
-- ${landing} is the test's temp landing folder; ${orders_*}, ${ad_events_*}, ${user_activity_*}
-- are the file-kind readers the test builds (only for kinds that exist). Tables cal(first, last),
-- rates(category_id, rate) and default_rate(rate) are filled by the test with prepared statements.

-- 1. raw landing rows, every field as text, with the arrival day from the dt= folder
CREATE TABLE raw_orders AS
SELECT CAST(regexp_extract(filename, 'dt=([0-9-]{10})', 1) AS DATE) AS dt,
       event_id, event_type, order_id, user_id, merchant_id, item_id, category_id,
       CAST(quantity AS VARCHAR) AS quantity, CAST(amount AS VARCHAR) AS amount, pay_method,
       event_time
FROM (${orders_files});

CREATE TABLE raw_ads AS
SELECT CAST(regexp_extract(filename, 'dt=([0-9-]{10})', 1) AS DATE) AS dt,
       event_id, event_type, campaign_id, merchant_id, item_id, channel, user_id,
       CAST(cost AS VARCHAR) AS cost, event_time
FROM (${ad_events_files});

CREATE TABLE raw_activity AS
SELECT CAST(regexp_extract(filename, 'dt=([0-9-]{10})', 1) AS DATE) AS dt,
       event_id, user_id, event_type, source, item_id, category_id, event_time
FROM (${user_activity_files});

-- 2. the Asia/Shanghai event date of an ISO-8601 time with offset (NULL when not one)
CREATE MACRO sh_date(t) AS CASE
  WHEN regexp_full_match(t, '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})')
  THEN CAST(try_cast(replace(substr(t, 1, 19), 'T', ' ') AS TIMESTAMP)
            - to_minutes(CAST(CASE WHEN t LIKE '%Z' THEN 0
                     ELSE (CASE WHEN substr(t, -6, 1) = '-' THEN -1 ELSE 1 END)
                          * (try_cast(substr(t, -5, 2) AS INTEGER) * 60 + try_cast(substr(t, -2, 2) AS INTEGER)) END AS BIGINT))
            + to_minutes(480) AS DATE)
  END;

CREATE MACRO ok_id(x) AS coalesce(regexp_full_match(x, '[A-Za-z0-9_.:-]{1,64}'), false);

CREATE MACRO ok_money(x) AS coalesce(regexp_full_match(x, '[0-9]+([.][0-9]{1,2})?')
  AND try_cast(x AS DECIMAL(38, 2)) <= 10000000, false);

CREATE MACRO in_window(d, dt) AS d IS NOT NULL AND d <= dt AND d >= dt - 7;

-- 3. validation (every rule of SPEC §1), then one row per event_id (first accepted copy)
CREATE TABLE ords AS
SELECT event_id, event_type, order_id, user_id, merchant_id, category_id,
       try_cast(amount AS DECIMAL(18, 2)) AS amount, pay_method, sh_date(event_time) AS event_date
FROM raw_orders
WHERE ok_id(event_id) AND ok_id(order_id) AND ok_id(user_id) AND ok_id(merchant_id)
  AND ok_id(item_id) AND ok_id(category_id)
  AND event_type IN ('pay', 'refund')
  AND ok_money(amount) AND try_cast(amount AS DECIMAL(38, 2)) > 0
  AND (event_type = 'refund' OR (pay_method IN ('alipay', 'wechat_pay', 'bank_card', 'other')
       AND coalesce(regexp_full_match(quantity, '[0-9]{1,9}'), false) AND try_cast(quantity AS BIGINT) >= 1))
  AND in_window(sh_date(event_time), dt)
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY dt) = 1;

CREATE TABLE ads AS
SELECT event_id, merchant_id, try_cast(cost AS DECIMAL(18, 2)) AS cost, sh_date(event_time) AS event_date
FROM raw_ads
WHERE ok_id(event_id) AND ok_id(campaign_id) AND ok_id(merchant_id) AND ok_id(item_id)
  AND ok_id(user_id)
  AND event_type IN ('impression', 'click')
  AND channel IN ('search', 'homepage_feed', 'purchase_feed', 'display', 'live', 'offsite_wechat',
                  'offsite_xiaohongshu')
  AND ok_money(cost)
  AND in_window(sh_date(event_time), dt)
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY dt) = 1;

CREATE TABLE acts AS
SELECT event_id, user_id, source, sh_date(event_time) AS event_date
FROM raw_activity
WHERE ok_id(event_id) AND ok_id(user_id)
  AND (item_id IS NULL OR ok_id(item_id)) AND (category_id IS NULL OR ok_id(category_id))
  AND event_type IN ('launch', 'search', 'view', 'fav', 'cart', 'share')
  AND source IN ('app', 'wechat', 'alipay', 'xiaohongshu', 'weibo', 'other')
  AND in_window(sh_date(event_time), dt)
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY dt) = 1;

-- 4. daily: reported days = first .. last date run
CREATE TABLE days AS
SELECT CAST(unnest(generate_series(CAST(first AS TIMESTAMP), CAST(last AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS date
FROM cal;

CREATE TABLE active AS
SELECT DISTINCT user_id, event_date AS date FROM acts
UNION
SELECT DISTINCT user_id, event_date AS date FROM ords WHERE event_type = 'pay';

CREATE TABLE ref_daily AS
WITH u AS (
  SELECT d.date,
         count(DISTINCT CASE WHEN a.date = d.date THEN a.user_id END) AS dau,
         count(DISTINCT a.user_id) AS mau
  FROM days d LEFT JOIN active a ON a.date BETWEEN d.date - 29 AND d.date
  GROUP BY d.date
),
firsts AS (SELECT user_id, min(date) AS first_day FROM active GROUP BY user_id),
n AS (SELECT first_day AS date, count(*) AS new_users FROM firsts GROUP BY first_day),
o AS (
  SELECT event_date AS date,
         sum(CASE WHEN event_type = 'pay' THEN amount ELSE 0 END) AS gmv,
         sum(CASE WHEN event_type = 'refund' THEN amount ELSE 0 END) AS refunds,
         sum((CASE WHEN event_type = 'pay' THEN amount ELSE -amount END)
             * coalesce(r.rate, (SELECT rate FROM default_rate))) AS commission_exact
  FROM ords LEFT JOIN rates r USING (category_id)
  GROUP BY event_date
),
a AS (SELECT event_date AS date, sum(cost) AS ad_revenue FROM ads GROUP BY event_date),
m AS (
  SELECT d.date, u.dau, u.mau, coalesce(n.new_users, 0) AS new_users,
         CAST(coalesce(o.gmv, 0) AS DECIMAL(18, 2)) AS gmv,
         CAST(coalesce(o.refunds, 0) AS DECIMAL(18, 2)) AS refunds,
         CAST(coalesce(a.ad_revenue, 0) AS DECIMAL(18, 2)) AS ad_revenue,
         CAST(round(coalesce(o.commission_exact, 0), 2) AS DECIMAL(18, 2)) AS commission
  FROM days d JOIN u USING (date) LEFT JOIN n USING (date) LEFT JOIN o USING (date)
  LEFT JOIN a USING (date)
)
SELECT date, dau, mau, new_users, gmv, refunds, gmv - refunds AS net_gmv, ad_revenue, commission,
       ad_revenue + commission AS cmr,
       CASE WHEN gmv = 0 THEN NULL ELSE CAST(ad_revenue + commission AS DOUBLE) / CAST(gmv AS DOUBLE) END AS take_rate
FROM m;

-- 5. monthly: a month covers its reported days
CREATE TABLE ref_monthly AS
WITH md AS (
  SELECT strftime(date, '%Y-%m') AS month, date,
         row_number() OVER (PARTITION BY strftime(date, '%Y-%m') ORDER BY date) AS nth
  FROM days
),
months AS (
  SELECT month, count(*) AS days_covered,
         strftime(min(date) - INTERVAL 1 MONTH, '%Y-%m') AS prev_month
  FROM md GROUP BY month
),
wechat AS (
  SELECT user_id, event_date AS date FROM acts WHERE source = 'wechat'
  UNION
  SELECT user_id, event_date FROM ords WHERE event_type = 'pay' AND pay_method = 'wechat_pay'
),
users AS (
  SELECT md.month, count(DISTINCT a.user_id) AS mau,
         count(DISTINCT w.user_id) AS wechat_users
  FROM md LEFT JOIN active a ON a.date = md.date
  LEFT JOIN wechat w ON w.date = md.date AND w.user_id = a.user_id
  GROUP BY md.month
),
money AS (
  SELECT strftime(o.event_date, '%Y-%m') AS month,
         sum(CASE WHEN event_type = 'pay' THEN amount ELSE 0 END) AS gmv,
         sum(CASE WHEN event_type = 'refund' THEN amount ELSE 0 END) AS refunds,
         sum((CASE WHEN event_type = 'pay' THEN amount ELSE -amount END)
             * coalesce(r.rate, (SELECT rate FROM default_rate))) AS commission_exact
  FROM ords o LEFT JOIN rates r USING (category_id)
  WHERE o.event_date IN (SELECT date FROM days)
  GROUP BY 1
),
admoney AS (
  SELECT strftime(event_date, '%Y-%m') AS month, sum(cost) AS ad_revenue
  FROM ads WHERE event_date IN (SELECT date FROM days) GROUP BY 1
),
base AS (
  SELECT m.month, m.prev_month, m.days_covered, u.mau, u.wechat_users,
         CAST(coalesce(x.gmv, 0) AS DECIMAL(18, 2)) AS gmv,
         CAST(coalesce(x.refunds, 0) AS DECIMAL(18, 2)) AS refunds,
         CAST(coalesce(ad.ad_revenue, 0) AS DECIMAL(18, 2)) AS ad_revenue,
         CAST(round(coalesce(x.commission_exact, 0), 2) AS DECIMAL(18, 2)) AS commission
  FROM months m JOIN users u USING (month) LEFT JOIN money x USING (month)
  LEFT JOIN admoney ad USING (month)
),
prev_same AS (
  -- calendar days 1..days_covered of the previous month (capped at its last day), every
  -- accepted event (also those dated before the first date run)
  SELECT m.month, count(DISTINCT a.user_id) AS mau_prev_same_days
  FROM months m
  LEFT JOIN active a
    ON a.date BETWEEN CAST(m.prev_month || '-01' AS DATE)
       AND least(CAST(m.prev_month || '-01' AS DATE) + CAST(m.days_covered - 1 AS INTEGER),
                 last_day(CAST(m.prev_month || '-01' AS DATE)))
  GROUP BY m.month
)
SELECT b.month, b.mau,
       b.mau - p.mau AS mau_net_adds,
       CASE WHEN p.mau > 0 THEN CAST(b.mau - p.mau AS DOUBLE) / p.mau END AS mau_growth,
       b.wechat_users, b.gmv, b.refunds, b.gmv - b.refunds AS net_gmv, b.ad_revenue, b.commission,
       b.ad_revenue + b.commission AS cmr,
       CASE WHEN b.gmv = 0 THEN NULL ELSE CAST(b.ad_revenue + b.commission AS DOUBLE) / CAST(b.gmv AS DOUBLE) END AS take_rate,
       CASE WHEN p.gmv <> 0 THEN CAST(b.gmv - p.gmv AS DOUBLE) / CAST(p.gmv AS DOUBLE) END AS gmv_mom,
       CASE WHEN p.ad_revenue + p.commission <> 0
            THEN CAST((b.ad_revenue + b.commission) - (p.ad_revenue + p.commission) AS DOUBLE)
                 / CAST(p.ad_revenue + p.commission AS DOUBLE) END AS cmr_mom,
       b.days_covered,
       CASE WHEN p.month IS NOT NULL THEN coalesce(s.mau_prev_same_days, 0) END AS mau_prev_same_days
FROM base b
LEFT JOIN base p ON p.month = b.prev_month
LEFT JOIN prev_same s ON s.month = b.month
