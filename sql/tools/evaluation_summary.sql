-- Grain: one row per (cohort, plan): the evaluation of a published coefficient version against
--   the true response curves.
-- Key: cohort, plan.
-- Upstream: coef_eval (one row per campaign: true spend and GMV of each plan and of the optimum).
-- Notes: cohort is 'history_14d_plus' (>= :history_days days of spend in the window) or
--   'cold_start' (fewer, no history included); 'history_full_window' repeats the campaigns with
--   spend on every day of the window (>= :full_days, the training window: 28 by default), the
--   cohort the issue's targets are stated for, so those campaigns are also in 'history_14d_plus'. regret = 1 - gmv / gmv_opt; when the optimum
--   spends nothing (no plan can reach the target) regret is 0. A plan meets the target when its
--   true ROI >= :roi_share * target_roi, or when it spends nothing (no compensation is owed).
--   Baselines ignore the target, so their regret can be negative when they overspend.
WITH plans AS (
  SELECT campaign_id, campaign_days, target_roi, opt_gmv, 'ours' AS plan, ours_spend AS spend,
         ours_gmv AS gmv FROM coef_eval
  UNION ALL
  SELECT campaign_id, campaign_days, target_roi, opt_gmv, 'even_split', even_spend, even_gmv
  FROM coef_eval
  UNION ALL
  SELECT campaign_id, campaign_days, target_roi, opt_gmv, 'roi_split', roi_split_spend,
         roi_split_gmv FROM coef_eval
),
scored AS (
  SELECT CASE WHEN campaign_days >= :history_days THEN 'history_14d_plus' ELSE 'cold_start' END
           AS cohort,
         plan,
         CASE WHEN opt_gmv > 0 THEN 1 - gmv / opt_gmv ELSE 0.0 END AS regret,
         CASE WHEN spend <= 0 THEN true ELSE gmv / spend >= :roi_share * target_roi END AS meets
  FROM plans
  UNION ALL
  SELECT 'history_full_window',
         plan,
         CASE WHEN opt_gmv > 0 THEN 1 - gmv / opt_gmv ELSE 0.0 END,
         CASE WHEN spend <= 0 THEN true ELSE gmv / spend >= :roi_share * target_roi END
  FROM plans
  WHERE campaign_days >= :full_days
)
SELECT cohort, plan, COUNT(*) AS campaigns,
       percentile(regret, 0.5) AS median_regret,
       percentile(regret, 0.9) AS p90_regret,
       AVG(CASE WHEN meets THEN 1.0D ELSE 0.0D END) AS share_roi_met
FROM scored
GROUP BY cohort, plan
ORDER BY cohort DESC, plan DESC
