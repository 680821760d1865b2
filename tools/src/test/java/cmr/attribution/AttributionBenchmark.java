package cmr.attribution;

import cmr.settlement.SettlementStep;
import cmr.testing.Fixtures;
import cmr.testing.TestSpark;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Time per run date of the attribution and settlement steps on synthetic silver data, to show that
 * the cost stays flat as history grows. Off by default; run with {@code -Dcmr.bench=true
 * -Dcmr.bench.adsPerDay=300000 -Dcmr.bench.days=12}.
 */
@EnabledIfSystemProperty(named = "cmr.bench", matches = "true")
class AttributionBenchmark {
  @Test
  void timePerDay() {
    long ads = Long.getLong("cmr.bench.adsPerDay", 300_000L);
    int days = Integer.getInteger("cmr.bench.days", 12);
    long orders = ads / 10;
    Fixtures f = new Fixtures("bench", Map.of());
    SparkSession spark = TestSpark.spark();
    LocalDate first = LocalDate.of(2026, 11, 1);
    for (int i = 0; i < days; i++) {
      LocalDate d = first.plusDays(i);
      // 10% clicks; 20k users x 5k items so that many pay events find a click
      spark
          .sql(
              "SELECT concat('a', :d, '-', id) AS event_id,"
                  + " IF(id % 10 = 0, 'click', 'impression') AS event_type,"
                  + " concat('k', id % 2000) AS campaign_id, concat('m', id % 2000 % 300) AS merchant_id,"
                  + " concat('i', (id * 7919) % 5000) AS item_id,"
                  + " element_at(array('search','homepage_feed','purchase_feed','display','live'), CAST(id % 5 AS INT) + 1) AS channel,"
                  + " concat('u', (id * 104729) % 20000) AS user_id, CAST((id % 7) / 10 AS DECIMAL(18,2)) AS cost,"
                  + " CAST(unix_seconds(CAST(:d AS TIMESTAMP)) + id % 86400 AS TIMESTAMP) AS event_time,"
                  + " CAST(:d AS DATE) AS event_date, CAST(:d AS DATE) AS arrival_date FROM range(:n)",
              Map.of("d", d.toString(), "n", ads))
          .write()
          .format("delta")
          .mode("append")
          .partitionBy("event_date")
          .save(f.wh.silver("ad_events"));
      spark
          .sql(
              "SELECT concat('p', :d, '-', id) AS event_id, 'pay' AS event_type, concat('o', :d, id) AS order_id,"
                  + " concat('u', (id * 104729) % 20000) AS user_id, 'm1' AS merchant_id,"
                  + " concat('i', (id * 7919) % 5000) AS item_id, 'apparel' AS category_id, 1 AS quantity,"
                  + " CAST(10 + id % 90 AS DECIMAL(18,2)) AS amount, 'alipay' AS pay_method,"
                  + " CAST(unix_seconds(CAST(:d AS TIMESTAMP)) + id % 86400 AS TIMESTAMP) AS event_time,"
                  + " CAST(:d AS DATE) AS event_date, CAST(:d AS DATE) AS arrival_date FROM range(:n)",
              Map.of("d", d.toString(), "n", orders))
          .write()
          .format("delta")
          .mode("append")
          .partitionBy("event_date")
          .save(f.wh.silver("orders"));
      if (i == 0) {
        spark
            .sql(
                "SELECT concat('k', id) AS campaign_id, concat('m', id % 300) AS merchant_id,"
                    + " concat('i', id) AS item_id, IF(id % 2 = 0, 'quanzhantui', 'search_cpc') AS campaign_type,"
                    + " CAST(500 AS DECIMAL(18,2)) AS daily_budget,"
                    + " IF(id % 2 = 0, CAST(2 + id % 5 AS DECIMAL(18,4)), NULL) AS target_roi,"
                    + " CAST(:d AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,"
                    + " CAST(:d AS DATE) AS snapshot_date FROM range(2000)",
                Map.of("d", d.toString()))
            .write()
            .format("delta")
            .mode("append")
            .save(f.wh.silver("campaigns"));
      }
      long t0 = System.nanoTime();
      f.run(d.toString(), false, new AttributionStep());
      long t1 = System.nanoTime();
      f.run(d.toString(), false, new SettlementStep());
      long t2 = System.nanoTime();
      System.out.printf(
          "BENCH %s ads/day=%d orders/day=%d attribution=%.1fs settlement=%.1fs%n",
          d, ads, orders, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
  }
}
