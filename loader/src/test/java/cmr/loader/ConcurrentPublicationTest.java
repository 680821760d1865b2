package cmr.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A reader thread polls LATEST and loads the version it names while the publisher writes and
 * switches versions and prunes old ones (keeping 14): the reader must never see a missing file, a
 * checksum mismatch or a half-written CSV.
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
      f.prune(14);
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
}
