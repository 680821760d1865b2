-- state/user_first_active: every user's first active day and first source, maintained incrementally.
-- Grain: one row per user ever active. Key: user_id.
-- Upstream: state user_daily (just rewritten for :from_date..:to_date), user_first_active_stored
--   (the table before this run; empty on the first run).
-- Parameters: :from_date, :to_date (the event dates this run recomputed).
-- Output: the rows whose first_active_date >= :from_date; the caller replaces exactly that slice.
-- Notes: a stored first day before :from_date is final (events that old are too_late), so those
--   users are skipped. Every other user's first day is recomputed from the window, so a late event
--   for an earlier day than the stored first day moves it back. Stored rows after :to_date (only
--   after a rerun of an older date) are kept unless the window now holds an earlier day.
WITH window_first AS (
  SELECT user_id,
         min(date) AS first_active_date,
         min_by(coalesce(first_source, 'unknown'), date) AS first_source
  FROM user_daily
  WHERE active AND date BETWEEN :from_date AND :to_date
  GROUP BY user_id
),
settled AS (
  SELECT user_id FROM user_first_active_stored WHERE first_active_date < :from_date
),
recomputed AS (
  SELECT w.* FROM window_first w LEFT ANTI JOIN settled s ON s.user_id = w.user_id
),
later AS (
  SELECT l.user_id, l.first_active_date, l.first_source
  FROM user_first_active_stored l
  LEFT ANTI JOIN recomputed r ON r.user_id = l.user_id
  WHERE l.first_active_date > :to_date
)
SELECT user_id, first_active_date, first_source FROM recomputed
UNION ALL
SELECT user_id, first_active_date, first_source FROM later
