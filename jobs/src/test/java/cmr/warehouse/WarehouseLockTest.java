package cmr.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer lock on the local file system (no Spark). */
class WarehouseLockTest {
  static final Duration STALE = Duration.ofMinutes(2);
  static final Duration BEAT = Duration.ofSeconds(10);

  private static WarehouseLock take(Path wh, String command) {
    return WarehouseLock.acquire(wh.toString(), command, STALE, BEAT, Map.of());
  }

  @Test
  void aSecondWriterIsRefusedNamingTheHolderAndTheLockIsFreedAtTheEnd() throws IOException {
    Path wh = TestSpark.tempDir("lock").resolve("warehouse");
    try (WarehouseLock first = take(wh, "cmr nightly --date 2026-11-20")) {
      String text = Files.readString(wh.resolve(WarehouseLock.FILE));
      assertTrue(text.contains("\"command\" : \"cmr nightly --date 2026-11-20\""), text);
      assertTrue(text.contains("\"pid\" : " + ProcessHandle.current().pid()), text);
      CmrException e = assertThrows(CmrException.class, () -> take(wh, "cmr backfill"));
      assertEquals(Errors.LOCKED, e.exitCode());
      assertTrue(
          e.oneLine()
              .startsWith(
                  "cmr: warehouse busy: " + wh + ": locked by cmr nightly --date 2026-11-20 (pid "),
          e.oneLine());
      assertFalse(e.oneLine().contains("\n"));
      assertEquals(
          "cmr nightly --date 2026-11-20",
          WarehouseLock.holder(wh.toString(), Map.of()).orElseThrow().command());
    }
    assertFalse(Files.exists(wh.resolve(WarehouseLock.FILE)), "released");
    take(wh, "cmr backfill").close();
  }

  @Test
  void aLockWhoseHeartbeatIsOlderThanTheLimitIsTakenOver() throws IOException {
    Path wh = TestSpark.tempDir("lock-stale").resolve("warehouse");
    WarehouseLock killed = take(wh, "cmr nightly --date 2026-11-19");
    // the holder was killed: no heartbeat for 3 minutes (its pid is this live JVM's, so only the
    // heartbeat's age can free it)
    Path file = wh.resolve(WarehouseLock.FILE);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(3))));
    try (WarehouseLock next = take(wh, "cmr nightly --date 2026-11-20")) {
      assertTrue(Files.readString(file).contains("2026-11-20"));
      killed.close(); // the old holder's release must not delete the new holder's lock
      assertTrue(Files.exists(file), "the new holder's lock stays");
    }
  }

  @Test
  void aLockOfAProcessOfThisHostThatHasEndedIsTakenOverAtOnce() throws Exception {
    Path wh = TestSpark.tempDir("lock-dead").resolve("warehouse");
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    Files.createDirectories(wh);
    Files.writeString(
        wh.resolve(WarehouseLock.FILE),
        "{\"owner\":\"x\",\"host\":\""
            + WarehouseLock.hostName()
            + "\",\"pid\":"
            + p.pid()
            + ",\"command\":\"cmr nightly\",\"started\":\""
            + Instant.now()
            + "\",\"token\":\"t\"}");
    try (WarehouseLock next = take(wh, "cmr nightly --date 2026-11-20")) {
      assertTrue(Files.readString(wh.resolve(WarehouseLock.FILE)).contains("2026-11-20"));
    }
  }

  @Test
  void theHeartbeatRenewsTheLock() throws Exception {
    Path wh = TestSpark.tempDir("lock-beat").resolve("warehouse");
    Path file = wh.resolve(WarehouseLock.FILE);
    try (WarehouseLock l =
        WarehouseLock.acquire(
            wh.toString(), "cmr maintain", STALE, Duration.ofMillis(200), Map.of())) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
      Thread.sleep(800);
      Instant beat = Files.getLastModifiedTime(file).toInstant();
      assertTrue(beat.isAfter(Instant.now().minusSeconds(5)), "heartbeat at " + beat);
      assertFalse(l.lost());
    }
  }
}
