package cmr.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Readers poll LATEST and load the version it names while the publisher writes and switches
 * versions and prunes old ones: a reader must never see a missing file, a checksum mismatch or a
 * half-written CSV, also when it takes 300 ms between reading LATEST and loading the files.
 */
class ConcurrentPublicationTest {

  @Test
  void readerNeverSeesAPartialVersion() throws Exception {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    Fixtures.publish(f, 1);
    AtomicBoolean done = new AtomicBoolean(false);
    AtomicInteger reads = new AtomicInteger();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    Set<String> seen = Collections.synchronizedSet(new HashSet<>());
    Thread reader =
        new Thread(
            () -> {
              while (!done.get() || reads.get() < 10_000) {
                try {
                  Coefficients c = CoefficientsLoader.loadLatest(dir);
                  seen.add(c.version());
                  // each version's content is self-consistent: multiplier matches the version's
                  // scale
                  if (c.campaign("k1").orElseThrow().bidMultiplier() <= 0) {
                    errors.add("bad content in " + c.version());
                  }
                } catch (RuntimeException e) {
                  errors.add(e.toString());
                }
                reads.incrementAndGet();
              }
            });
    reader.start();
    int publications = 0;
    while (publications < 50 || reads.get() < 10_000) {
      Fixtures.publish(f, 1 + publications % 7);
      f.prune(14, Duration.ZERO);
      publications++;
    }
    done.set(true);
    reader.join();
    assertEquals(List.of(), errors.subList(0, Math.min(5, errors.size())));
    assertTrue(reads.get() >= 10_000, "reads " + reads.get());
    assertTrue(publications >= 50, "publications " + publications);
    assertTrue(seen.size() > 1, "the reader saw several versions: " + seen.size());
    assertEquals(14, f.versions().size());
  }

  @Test
  void slowReadersNeverLoseTheVersionTheyAreLoadingWithinTheGracePeriod() throws Exception {
    // 3 readers each read LATEST, take 300 ms, then load the version it named; the publisher
    // publishes and prunes (keep 1) without pause. With a 2 s grace no load finds files missing.
    Stress s = stress(Duration.ofSeconds(2));
    assertTrue(s.loads >= 20, "loads " + s.loads);
    assertTrue(s.publications >= 20, "publications " + s.publications);
    assertEquals(0, s.missing, "loads that found files missing: " + s.errors);
  }

  @Test
  void withoutAGracePeriodASlowReaderLosesItsVersion() throws Exception {
    // the control: the same run with no grace deletes versions that readers are still loading
    Stress s = stress(Duration.ZERO);
    assertTrue(s.missing > 0, "expected missing files without a grace period: " + s);
  }

  private record Stress(int loads, int missing, int publications, List<String> errors) {}

  private static Stress stress(Duration grace) throws Exception {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    Fixtures.publish(f, 1);
    AtomicBoolean done = new AtomicBoolean(false);
    AtomicInteger loads = new AtomicInteger();
    AtomicInteger missing = new AtomicInteger();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!done.get()) {
                  String v = CoefficientsLoader.readLatest(dir);
                  try {
                    Thread.sleep(300);
                    CoefficientsLoader.loadVersion(dir, v);
                  } catch (InterruptedException e) {
                    return;
                  } catch (RuntimeException e) {
                    missing.incrementAndGet();
                    if (errors.size() < 3) {
                      errors.add(v + ": " + e.getMessage());
                    }
                  }
                  loads.incrementAndGet();
                }
              });
      t.start();
      readers.add(t);
    }
    int publications = 0;
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < end) {
      Fixtures.publish(f, 1 + publications % 7);
      f.prune(1, grace);
      publications++;
    }
    done.set(true);
    for (Thread t : readers) {
      t.join();
    }
    return new Stress(loads.get(), missing.get(), publications, errors);
  }
}
