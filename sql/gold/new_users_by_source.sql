-- gold/new_users_by_source: users whose first active day is the date, by first source.
-- Grain: one row per (date, first_source) with >= 1 new user, dates :from_date..:to_date.
-- Key: date, first_source.
-- Upstream: state user_first_active.
-- Notes: first_source = source of the user's earliest user_activity event on their first active
--   day (ties: smallest event_id), 'unknown' when that day they only paid. A date with no new
--   user has no row here (daily_kpis.new_users says 0).
SELECT first_active_date AS date,
       first_source,
       CAST(count(*) AS BIGINT) AS new_users
FROM user_first_active
WHERE first_active_date BETWEEN :from_date AND :to_date
GROUP BY first_active_date, first_source
