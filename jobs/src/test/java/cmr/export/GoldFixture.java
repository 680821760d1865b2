package cmr.export;

import cmr.testing.TestSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Small hand-made gold tables (schemas per SPEC §3) for the dashboard tests, run date 2026-11-20.
 *
 * <p>daily_kpis, 2026-10-01 .. 2026-11-20: on October day d, gmv = 1000 + 10d and cmr = 50 + d; on
 * November day d, gmv = 1100 + 10d and cmr = 60 + d; compensation 10.00 on Oct 6, 13, 20, 27 and
 * 5.00 on Nov 3 and Nov 10, 12.50 on Nov 17; final = false from Nov 13 (8 provisional days).
 * monthly_kpis agrees: October gmv 35,960.00 (31*1000 + 10*496), cmr 2,046.00, compensation 40.00,
 * MAU 900; November (20 days) gmv 24,100.00 (20*1100 + 10*210), cmr 1,410.00, compensation 22.50,
 * MAU 1,000, mau_prev_same_days 880; like for like (October 1..20 in daily_kpis) gmv 22,100.00
 * (20*1000 + 10*210), cmr 1,210.00 (20*50 + 210), compensation 30.00 (Oct 6, 13, 20), so
 * gmv_mom_same_days 2,000 / 22,100 and cmr_mom_same_days 200 / 1,210.
 */
final class GoldFixture {
  static final String RUN_DATE = "2026-11-20";

  private GoldFixture() {}

  static void writeAll(Path warehouse) {
    daily(warehouse);
    write(
        warehouse,
        "monthly_kpis",
        """
        SELECT month, CAST(mau AS BIGINT) mau, CAST(net AS BIGINT) mau_net_adds, CAST(growth AS DOUBLE) mau_growth,
          CAST(wechat AS BIGINT) wechat_users, CAST(gmv AS DECIMAL(18,2)) gmv, CAST(0 AS DECIMAL(18,2)) refunds,
          CAST(gmv AS DECIMAL(18,2)) net_gmv, CAST(cmr * 0.6 AS DECIMAL(18,2)) ad_revenue,
          CAST(cmr * 0.4 + comp AS DECIMAL(18,2)) commission, CAST(comp AS DECIMAL(18,2)) compensation,
          CAST(cmr AS DECIMAL(18,2)) cmr, CAST(cmr / gmv AS DOUBLE) take_rate,
          CAST(gmv_mom AS DOUBLE) gmv_mom, CAST(cmr_mom AS DOUBLE) cmr_mom,
          CAST(NULL AS DOUBLE) gmv_yoy, CAST(NULL AS DOUBLE) cmr_yoy,
          CAST(days AS BIGINT) days_covered, CAST(prev_same AS BIGINT) mau_prev_same_days,
          CAST(gmv_sd AS DECIMAL(18,2)) gmv_prev_same_days, CAST(cmr_sd AS DECIMAL(18,2)) cmr_prev_same_days,
          CAST(comp_sd AS DECIMAL(18,2)) compensation_prev_same_days,
          CAST(gmv_sd_mom AS DOUBLE) gmv_mom_same_days, CAST(cmr_sd_mom AS DOUBLE) cmr_mom_same_days,
          CAST(NULL AS DOUBLE) gmv_yoy_same_days, CAST(NULL AS DOUBLE) cmr_yoy_same_days
        FROM VALUES
          ('2026-10', 900, NULL, NULL, 300, 35960.00, 2046.00, 40.00, NULL, NULL, 31, NULL,
           NULL, NULL, NULL, NULL, NULL),
          ('2026-11', 1000, 100, 0.1111111111, 420, 24100.00, 1410.00, 22.50, -0.3298109010, -0.3108504399, 20, 880,
           22100.00, 1210.00, 30.00, 2000.0 / 22100.0, 200.0 / 1210.0)
          AS t(month, mau, net, growth, wechat, gmv, cmr, comp, gmv_mom, cmr_mom, days, prev_same,
               gmv_sd, cmr_sd, comp_sd, gmv_sd_mom, cmr_sd_mom)
        """);
    write(
        warehouse,
        "new_users_by_source",
        """
        SELECT CAST(d AS DATE) date, s first_source, CAST(n AS BIGINT) new_users FROM VALUES
          ('2026-11-19', 'wechat', 4), ('2026-11-19', 'app', 10), ('2026-11-19', 'unknown', 1),
          ('2026-11-20', 'wechat', 6), ('2026-11-20', 'app', 8), ('2026-11-20', 'xiaohongshu', 2)
          AS t(d, s, n)
        """);
    write(
        warehouse,
        "take_rate_by_dimension",
        """
        SELECT CAST(d AS DATE) date, dim dimension, v value, CAST(g AS DECIMAL(18,2)) gmv,
          CAST(0 AS DECIMAL(18,2)) refunds, CAST(c AS DECIMAL(18,2)) ad_revenue, CAST(0 AS DECIMAL(18,2)) commission,
          CAST(0 AS DECIMAL(18,2)) compensation, CAST(c AS DECIMAL(18,2)) cmr, CAST(c / g AS DOUBLE) take_rate
        FROM VALUES
          ('2026-11-01', 'segment', 'key_account', 800.00, 40.00), ('2026-11-01', 'segment', 'sme', 300.00, 21.00),
          ('2026-11-20', 'segment', 'key_account', 1000.00, 52.00), ('2026-11-20', 'segment', 'sme', 300.00, 9.00),
          ('2026-11-20', 'merchant_type', 'tmall', 900.00, 45.00), ('2026-11-20', 'merchant_type', 'taobao', 400.00, 16.00),
          ('2026-11-20', 'category_id', 'apparel', 700.00, 35.00), ('2026-11-20', 'category_id', 'unknown', 600.00, 26.00),
          ('2026-10-31', 'segment', 'key_account', 5000.00, 1.00)
          AS t(d, dim, v, g, c)
        """);
    write(
        warehouse,
        "tier_mix",
        """
        SELECT m month, t tier, CAST(u AS BIGINT) users FROM VALUES
          ('2026-10', 'L', 50), ('2026-10', 'U', 400), ('2026-10', 'C', 300), ('2026-10', 'M', 80), ('2026-10', 'V', 20),
          ('2026-11', 'L', 57), ('2026-11', 'U', 390), ('2026-11', 'C', 310), ('2026-11', 'M', 90), ('2026-11', 'V', 25)
          AS t(m, t, u)
        """);
    // November: up = U->C 3 + C->M 2 + M->V 1 = 6; down = C->U 4; new = NEW->U 5.
    write(
        warehouse,
        "tier_transitions",
        """
        SELECT m month, f from_tier, t to_tier, CAST(u AS BIGINT) users FROM VALUES
          ('2026-11', 'NEW', 'U', 5), ('2026-11', 'U', 'C', 3), ('2026-11', 'C', 'M', 2), ('2026-11', 'M', 'V', 1),
          ('2026-11', 'C', 'U', 4), ('2026-11', 'U', 'U', 10), ('2026-11', 'L', 'L', 7),
          ('2026-10', 'U', 'U', 99)
          AS t(m, f, t, u)
        """);
    // ROI by channel, Nov 1-20: search 600 / 200 = 3.00; homepage_feed 150 / 100 = 1.50;
    // offsite_wechat 0 / 50 = 0.00 (the October row is outside the month).
    write(
        warehouse,
        "campaign_channel_daily",
        """
        SELECT CAST(d AS DATE) date, c campaign_id, ch channel, m merchant_id, CAST(i AS BIGINT) impressions,
          CAST(k AS BIGINT) clicks, CAST(s AS DECIMAL(18,2)) spend, CAST(o AS BIGINT) attributed_orders,
          CAST(g AS DECIMAL(18,2)) attributed_gmv, CAST(IF(s = 0, NULL, g / s) AS DOUBLE) roi
        FROM VALUES
          ('2026-11-05', 'c1', 'search', 'm1', 1000, 50, 120.00, 3, 400.00),
          ('2026-11-19', 'c1', 'search', 'm1', 800, 40, 80.00, 2, 200.00),
          ('2026-11-19', 'c2', 'homepage_feed', 'm2', 900, 30, 100.00, 1, 150.00),
          ('2026-11-20', 'c2', 'offsite_wechat', 'm2', 300, 10, 50.00, 0, 0.00),
          ('2026-10-30', 'c1', 'search', 'm1', 100, 5, 999.00, 1, 1.00)
          AS t(d, c, ch, m, i, k, s, o, g)
        """);
    write(
        warehouse,
        "merchant_roi_daily",
        """
        SELECT CAST('2026-11-19' AS DATE) date, 'm1' merchant_id, CAST(80.00 AS DECIMAL(18,2)) spend,
          CAST(2 AS BIGINT) attributed_orders, CAST(200.00 AS DECIMAL(18,2)) attributed_gmv, CAST(2.5 AS DOUBLE) roi
        """);
    write(
        warehouse,
        "merchant_roi_monthly",
        """
        SELECT m month, id merchant_id, CAST(s AS DECIMAL(18,2)) spend, CAST(o AS BIGINT) attributed_orders,
          CAST(g AS DECIMAL(18,2)) attributed_gmv, CAST(IF(s = 0, NULL, g / s) AS DOUBLE) roi
        FROM VALUES
          ('2026-11', 'm1', 200.00, 5, 600.00), ('2026-11', 'm2', 150.00, 1, 150.00),
          ('2026-11', 'm3', 0.00, 1, 50.00), ('2026-11', 'm4', 50.00, 4, 1000.00), ('2026-11', 'm5', 100.00, 1, 40.00)
          AS t(m, id, s, o, g)
        """);
    write(
        warehouse,
        "quanzhantui_settlements",
        """
        SELECT c campaign_id, CAST(cs AS DATE) cycle_start, m merchant_id, CAST(ce AS DATE) cycle_end,
          CAST(s AS DECIMAL(18,2)) spend, CAST(g AS DECIMAL(18,2)) attributed_gmv, CAST(ad AS BIGINT) active_days,
          CAST(tr AS DECIMAL(18,4)) target_roi, CAST(IF(s = 0, NULL, g / s) AS DOUBLE) roi,
          CAST(IF(s = 0, NULL, g / s / tr) AS DOUBLE) attainment, e eligible, CAST(comp AS DECIMAL(18,2)) compensation
        FROM VALUES
          ('q1', '2026-10-28', 'm1', '2026-11-03', 700.00, 2800.00, 7, 5.0, true, 140.00),
          ('q1', '2026-11-04', 'm1', '2026-11-10', 700.00, 3850.00, 7, 5.0, true, 0.00),
          ('q2', '2026-11-11', 'm2', '2026-11-17', 300.00, 1200.00, 6, 5.0, true, 60.00),
          ('q3', '2026-11-11', 'm3', '2026-11-17', 50.00, 100.00, 3, 5.0, false, 0.00)
          AS t(c, cs, m, ce, s, g, ad, tr, e, comp)
        """);
    write(
        warehouse,
        "allocation_coefficients",
        """
        SELECT CAST(d AS DATE) run_date, c campaign_id, ch channel, CAST(w AS DOUBLE) weight,
          CAST(p AS DECIMAL(18,2)) spend_plan, CAST(1.0 AS DOUBLE) alpha, CAST(0.5 AS DOUBLE) beta
        FROM VALUES
          ('2026-11-19', 'q1', 'search', 0.5, 50.00), ('2026-11-19', 'q1', 'live', 0.5, 50.00),
          ('2026-11-20', 'q1', 'search', 0.6, 60.00), ('2026-11-20', 'q1', 'live', 0.4, 40.00),
          ('2026-11-20', 'q2', 'search', 1.0, 100.00)
          AS t(d, c, ch, w, p)
        """);
  }

  static void daily(Path warehouse) {
    write(
        warehouse,
        "daily_kpis",
        """
        WITH days AS (
          SELECT explode(sequence(DATE'2026-10-01', DATE'2026-11-20')) AS date
        ), v AS (
          SELECT date, day(date) AS d, month(date) = 11 AS nov FROM days
        )
        SELECT date, CAST(100 + d AS BIGINT) dau, CAST(IF(nov, 950 + d, 850 + d) AS BIGINT) mau,
          CAST(3 AS BIGINT) new_users,
          CAST(IF(nov, 1100, 1000) + 10 * d AS DECIMAL(18,2)) gmv, CAST(0 AS DECIMAL(18,2)) refunds,
          CAST(IF(nov, 1100, 1000) + 10 * d AS DECIMAL(18,2)) net_gmv,
          CAST(IF(nov, 60, 50) + d AS DECIMAL(18,2)) ad_revenue,
          CAST(comp AS DECIMAL(18,2)) commission,
          CAST(comp AS DECIMAL(18,2)) compensation,
          CAST(IF(nov, 60, 50) + d AS DECIMAL(18,2)) cmr,
          CAST((IF(nov, 60, 50) + d) / (IF(nov, 1100, 1000) + 10 * d) AS DOUBLE) take_rate,
          date <= DATE'2026-11-12' AS final
        FROM (
          SELECT *, CASE
              WHEN NOT nov AND d IN (6, 13, 20, 27) THEN 10.00
              WHEN nov AND d IN (3, 10) THEN 5.00
              WHEN nov AND d = 17 THEN 12.50
              ELSE 0 END AS comp
          FROM v)
        """);
  }

  static void write(Path warehouse, String table, String sql) {
    SparkSession spark = TestSpark.spark();
    spark
        .sql(sql)
        .write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(warehouse.resolve("gold").resolve(table).toString());
  }
}
