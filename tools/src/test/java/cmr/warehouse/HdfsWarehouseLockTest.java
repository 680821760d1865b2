package cmr.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer lock on a real HDFS (Hadoop's MiniDFSCluster in-process): create-if-absent refuses a
 * second writer, the heartbeat is the file's modification time, and a stale lock is taken over.
 */
class HdfsWarehouseLockTest {
  static final Duration STALE = Duration.ofMinutes(2);
  static MiniDFSCluster cluster;
  static FileSystem fs;
  static String root;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(
        MiniDFSCluster.HDFS_MINIDFS_BASEDIR,
        TestSpark.tempDir("minidfs").toAbsolutePath().toString());
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    cluster =
        new MiniDFSCluster.Builder(conf).numDataNodes(1).checkDataNodeAddrConfig(true).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
    root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  private static WarehouseLock take(String wh, String command) {
    return WarehouseLock.acquire(wh, command, STALE, Duration.ofSeconds(10), Map.of());
  }

  @Test
  void aSecondWriterIsRefusedAndTheLockIsFreedAtTheEnd() throws IOException {
    String wh = root + "/refused/warehouse";
    Path file = new Path(wh + "/" + WarehouseLock.FILE);
    try (WarehouseLock first = take(wh, "cmr nightly --date 2026-11-20")) {
      String text = new String(fs.open(file).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("\"command\" : \"cmr nightly --date 2026-11-20\""), text);
      CmrException e = assertThrows(CmrException.class, () -> take(wh, "cmr backfill"));
      assertEquals(Errors.LOCKED, e.exitCode());
      assertTrue(
          e.oneLine().startsWith("cmr: warehouse busy: " + wh + ": locked by cmr nightly"),
          e.oneLine());
      assertEquals(
          "cmr nightly --date 2026-11-20",
          WarehouseLock.holder(wh, Map.of()).orElseThrow().command());
    }
    assertFalse(fs.exists(file), "released");
    take(wh, "cmr backfill").close();
  }

  @Test
  void aLockWhoseHeartbeatIsOlderThanTheLimitIsTakenOver() throws IOException {
    String wh = root + "/stale/warehouse";
    Path file = new Path(wh + "/" + WarehouseLock.FILE);
    WarehouseLock killed = take(wh, "cmr nightly --date 2026-11-19");
    // no heartbeat for 3 minutes (the holder's pid is this live JVM's: only the age frees it)
    fs.setTimes(file, Instant.now().minus(Duration.ofMinutes(3)).toEpochMilli(), -1);
    try (WarehouseLock next = take(wh, "cmr nightly --date 2026-11-20")) {
      String text = new String(fs.open(file).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("2026-11-20"), text);
      killed.close(); // the old holder's release must not delete the new holder's lock
      assertTrue(fs.exists(file), "the new holder's lock stays");
    }
  }

  @Test
  void theHeartbeatRenewsTheLock() throws Exception {
    String wh = root + "/beat/warehouse";
    Path file = new Path(wh + "/" + WarehouseLock.FILE);
    try (WarehouseLock l =
        WarehouseLock.acquire(wh, "cmr maintain", STALE, Duration.ofMillis(200), Map.of())) {
      fs.setTimes(file, Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli(), -1);
      Thread.sleep(1000);
      Instant beat = Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime());
      assertTrue(beat.isAfter(Instant.now().minusSeconds(5)), "heartbeat at " + beat);
      assertFalse(l.lost());
    }
  }
}
