-- state/user_month_tiers: each registered user's UCMV tier at the end of a month and of the month before.
-- Grain: one row per (month, user_id) for users registered at the end of the month.
-- Key: month, user_id. Partitioned by month.
-- Upstream: kpi_months (month_end = min(last day, latest date run); prev_end = last day of M-1),
--   users_snap (silver/users, only the snapshots needed), state user_daily.
-- Parameters: :tier_days (365), :mature_min_orders (6), :mature_min_net_spend (1000.00),
--   :window_from, :window_to (the user_daily dates any window can touch, for partition pruning).
-- Notes: registered at day d = in the latest users snapshot on or before d with registered_date
--   <= d. Tier at the end of d, first match wins, window [d - tier_days + 1, d]:
--   V = vip88 in that snapshot; M = >= mature_min_orders distinct paid order_ids and net spend
--   (pays - refunds by their own event dates) >= mature_min_net_spend; C = >= 1 paid order;
--   U = active in the window or registered within it; L = otherwise.
--   from_tier = NEW when registered_date is after the end of M-1; otherwise the rules at the end
--   of M-1 (not V when the user is absent from that day's snapshot).
WITH months AS (
  SELECT month, month_end, prev_end FROM kpi_months
),
end_dates AS (
  SELECT month_end AS end_date FROM months
  UNION
  SELECT prev_end AS end_date FROM months
),
snapshot_dates AS (
  SELECT DISTINCT snapshot_date FROM users_snap
),
end_snapshot AS (
  SELECT e.end_date, max(s.snapshot_date) AS snapshot_date
  FROM end_dates e
  JOIN snapshot_dates s ON s.snapshot_date <= e.end_date
  GROUP BY e.end_date
),
snapshot_at_end AS (
  SELECT es.end_date, u.user_id, u.registered_date, u.vip88
  FROM end_snapshot es
  JOIN users_snap u ON u.snapshot_date = es.snapshot_date
),
registered AS (
  SELECT m.month, m.month_end, m.prev_end, s.user_id, s.registered_date
  FROM months m
  JOIN snapshot_at_end s ON s.end_date = m.month_end
  WHERE s.registered_date <= m.month_end
),
pairs AS (
  SELECT month, user_id, registered_date, 'to' AS side, month_end AS end_date FROM registered
  UNION ALL
  SELECT month, user_id, registered_date, 'from' AS side, prev_end AS end_date FROM registered
  WHERE registered_date <= prev_end
),
window_stats AS (
  SELECT e.end_date,
         d.user_id,
         max(d.active) AS active,
         size(array_distinct(flatten(collect_list(d.paid_order_ids)))) AS paid_orders,
         sum(d.pay_amount) - sum(d.refund_amount) AS net_spend
  FROM end_dates e
  JOIN (SELECT * FROM user_daily WHERE date BETWEEN :window_from AND :window_to) d
    ON d.date BETWEEN date_sub(e.end_date, :tier_days - 1) AND e.end_date
  GROUP BY e.end_date, d.user_id
),
tiers AS (
  SELECT p.month, p.user_id, p.side,
         CASE WHEN coalesce(v.vip88, false) THEN 'V'
              WHEN coalesce(w.paid_orders, 0) >= :mature_min_orders
                   AND coalesce(w.net_spend, 0) >= :mature_min_net_spend THEN 'M'
              WHEN coalesce(w.paid_orders, 0) >= 1 THEN 'C'
              WHEN coalesce(w.active, false)
                   OR p.registered_date >= date_sub(p.end_date, :tier_days - 1) THEN 'U'
              ELSE 'L'
         END AS tier
  FROM pairs p
  LEFT JOIN snapshot_at_end v ON v.end_date = p.end_date AND v.user_id = p.user_id
  LEFT JOIN window_stats w ON w.end_date = p.end_date AND w.user_id = p.user_id
)
SELECT month,
       user_id,
       coalesce(max(CASE WHEN side = 'from' THEN tier END), 'NEW') AS from_tier,
       max(CASE WHEN side = 'to' THEN tier END) AS to_tier
FROM tiers
GROUP BY month, user_id
