package cmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.Errors;
import cmr.testing.Landing;
import cmr.testing.TestSpark;
import cmr.warehouse.WarehouseLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two writers started at once against one warehouse: exactly one runs, the other gets exit 6. */
class TwoWritersTest {
  static final LocalDate D = LocalDate.of(2026, 11, 10);

  @Test
  void exactlyOneOfTwoConcurrentWritersRuns() throws Exception {
    TestSpark.spark(); // the session both commands share in this JVM
    Path root = TestSpark.tempDir("two-writers");
    new Landing(root)
        .write(
            "user_activity",
            D,
            "part-0.jsonl",
            "{\"event_id\":\"a1\",\"user_id\":\"u1\",\"event_type\":\"launch\",\"source\":\"app\","
                + "\"event_time\":\"2026-11-10T10:00:00+08:00\"}");
    String[] args = {
      "ingest",
      "--date",
      D.toString(),
      "--landing",
      root.resolve("landing").toString(),
      "--warehouse",
      root.resolve("warehouse").toString()
    };
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Integer> writer =
        () -> {
          start.await();
          return CmrCli.execute(args);
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      runs.add(pool.submit(writer));
      runs.add(pool.submit(writer));
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> f : runs) {
        codes.add(f.get());
      }
      codes.sort(null);
      assertEquals(List.of(0, Errors.LOCKED), codes, "one ran, the other was refused");
    } finally {
      pool.shutdown();
    }
    Path wh = root.resolve("warehouse");
    assertTrue(Files.isDirectory(wh.resolve("bronze/user_activity")), "the one that ran wrote");
    assertTrue(!Files.exists(wh.resolve(WarehouseLock.FILE)), "and released the lock");
    // a reader never takes the lock: cmr coefficients list runs while a writer holds it
    try (WarehouseLock held =
        WarehouseLock.acquire(
            wh.toString(),
            "test",
            java.time.Duration.ofMinutes(2),
            java.time.Duration.ofSeconds(10),
            java.util.Map.of())) {
      assertEquals(0, CmrCli.execute("coefficients", "list", "--warehouse", wh.toString()));
    }
  }
}
