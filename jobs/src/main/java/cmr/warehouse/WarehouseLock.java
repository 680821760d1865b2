package cmr.warehouse;

import cmr.errors.Errors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One writer per warehouse: the file {@code <warehouse>/_writer.lock}, created exclusively by every
 * command that writes, and deleted when it ends. It holds the owner, host, pid, command and start
 * time; its modification time is the heartbeat, renewed every {@code heartbeat} by a daemon thread.
 * A second writer is refused at once ({@link Errors#LOCKED}) with one line naming the holder. A
 * lock whose heartbeat is older than {@code staleAfter}, or whose holder process is gone (same
 * host), is taken over, and the takeover is logged. Readers never take it.
 *
 * <p>What it relies on: an exclusive create (local: {@code O_CREAT|O_EXCL}; HDFS: {@code
 * create(overwrite=false)}, atomic at the NameNode) and an atomic rename for the takeover (both
 * file systems). S3 has neither rename nor, before conditional writes, an exclusive create: on
 * {@code s3a://} run one scheduler per warehouse (docs/operations.md).
 */
public final class WarehouseLock implements AutoCloseable {
  public static final String FILE = "_writer.lock";
  private static final Logger LOG = LogManager.getLogger(WarehouseLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final String token;
  private final ScheduledExecutorService beat;
  private final AtomicBoolean lost = new AtomicBoolean(false);

  private volatile boolean closing;

  private WarehouseLock(Store store, String token, Duration heartbeat) {
    this.store = store;
    this.token = token;
    this.beat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cmr-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long ms = Math.max(100, heartbeat.toMillis());
    beat.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Who holds a lock, as written in the lock file, and its heartbeat. */
  public record Holder(
      String owner,
      String host,
      long pid,
      String command,
      Instant started,
      Instant heartbeat,
      String token) {
    String describe(Instant now) {
      return command
          + " (pid "
          + pid
          + " on "
          + host
          + ", user "
          + owner
          + ", since "
          + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          + ", heartbeat "
          + Duration.between(heartbeat, now).toSeconds()
          + "s ago)";
    }
  }

  /**
   * Takes the lock of {@code warehouseRoot} for {@code command}, or throws {@link Errors#LOCKED}
   * naming the holder.
   */
  public static WarehouseLock acquire(
      String warehouseRoot,
      String command,
      Duration staleAfter,
      Duration heartbeat,
      Map<String, String> hadoopSettings) {
    Store store = Store.of(warehouseRoot, hadoopSettings);
    String token = UUID.randomUUID().toString();
    byte[] content = content(command, token);
    for (int attempt = 0; attempt < 3; attempt++) {
      if (store.createExclusive(content)) {
        return new WarehouseLock(store, token, heartbeat);
      }
      Optional<Holder> h = store.read();
      if (h.isEmpty()) {
        continue; // released between the create and the read: try again
      }
      Instant now = Instant.now();
      Holder holder = h.get();
      String why = takeoverReason(holder, now, staleAfter);
      if (why == null) {
        throw Errors.locked(
            warehouseRoot,
            holder.describe(now),
            "retry when it has finished; a lock whose heartbeat is older than "
                + "operations.lock_stale_after ("
                + staleAfter.toSeconds()
                + "s) is taken over");
      }
      if (store.moveAside(holder)) {
        // on stderr too (the cmr loggers' console appender) and in the log file
        LOG.warn(
            "took over the writer lock of {}: {}; it was held by {}",
            warehouseRoot,
            why,
            holder.describe(now));
      }
    }
    throw Errors.locked(
        warehouseRoot, "another writer", "the lock changed hands repeatedly; retry later");
  }

  /** The current holder of the lock of {@code warehouseRoot}, if any (for {@code cmr status}). */
  public static Optional<Holder> holder(String warehouseRoot, Map<String, String> hadoopSettings) {
    return Store.of(warehouseRoot, hadoopSettings).read();
  }

  /** True when the heartbeat found the lock taken over by another writer. */
  public boolean lost() {
    return lost.get();
  }

  /** Releases the lock if it is still this writer's. */
  @Override
  public void close() {
    closing = true;
    beat.shutdownNow();
    Optional<Holder> h = store.read();
    if (h.isPresent() && token.equals(h.get().token())) {
      store.delete();
    }
  }

  private void heartbeat() {
    try {
      Optional<Holder> h = store.read();
      if (h.isEmpty() || !token.equals(h.get().token())) {
        if (lost.compareAndSet(false, true)) {
          LOG.error(
              "the writer lock of {} is no longer this process's (taken over after a stalled"
                  + " heartbeat?): {}",
              store.where(),
              h.map(x -> x.describe(Instant.now())).orElse("no lock file"));
        }
        return;
      }
      store.touch();
    } catch (RuntimeException e) {
      if (!closing) { // else close() interrupted this heartbeat while releasing the lock
        LOG.warn("lock heartbeat failed: {}", e.toString());
      }
    }
  }

  private static String takeoverReason(Holder h, Instant now, Duration staleAfter) {
    Duration age = Duration.between(h.heartbeat(), now);
    if (age.compareTo(staleAfter) > 0) {
      return "its heartbeat is "
          + age.toSeconds()
          + "s old (limit "
          + staleAfter.toSeconds()
          + "s)";
    }
    if (h.host().equals(hostName())
        && h.pid() > 0
        && ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true)) {
      return "its process " + h.pid() + " on this host has ended";
    }
    return null;
  }

  /**
   * Whether the lock file a taker moved aside is the stale one it judged (same writer, no newer
   * heartbeat); if not, another writer took the lock in between and the taker puts it back.
   */
  private static boolean isTheJudged(Holder moved, Holder seen) {
    return moved.token().equals(seen.token()) && !moved.heartbeat().isAfter(seen.heartbeat());
  }

  private static byte[] content(String command, String token) {
    ObjectNode o = JSON.createObjectNode();
    o.put("owner", System.getProperty("user.name", "unknown"));
    o.put("host", hostName());
    o.put("pid", ProcessHandle.current().pid());
    o.put("command", command);
    o.put("started", Instant.now().toString());
    o.put("token", token);
    try {
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(o)
          .concat("\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Holder parse(byte[] bytes, Instant modified) {
    try {
      JsonNode o = JSON.readTree(bytes);
      return new Holder(
          o.path("owner").asText("unknown"),
          o.path("host").asText("unknown"),
          o.path("pid").asLong(-1),
          o.path("command").asText("unknown"),
          Instant.parse(o.path("started").asText(modified.toString())),
          modified,
          o.path("token").asText(""));
    } catch (IOException | RuntimeException e) {
      // a lock file cut short by a crash during its creation: treat as held since its mtime
      return new Holder(
          "unknown", "unknown", -1, "unknown (unreadable lock file)", modified, modified, "");
    }
  }

  /** The lock file on the warehouse's file system. */
  private interface Store {
    boolean createExclusive(byte[] content);

    Optional<Holder> read();

    void touch();

    boolean moveAside(Holder seen);

    void delete();

    String where();

    static Store of(String warehouseRoot, Map<String, String> hadoopSettings) {
      String root = warehouseRoot.endsWith("/") ? warehouseRoot : warehouseRoot + "/";
      if (!root.contains("://") || root.startsWith("file:")) {
        java.nio.file.Path dir =
            root.startsWith("file:")
                ? java.nio.file.Path.of(URI.create(root))
                : java.nio.file.Path.of(root);
        return new LocalStore(dir.resolve(FILE));
      }
      Configuration conf = new Configuration();
      hadoopSettings.forEach(conf::set);
      return new HadoopStore(new Path(root + FILE), conf);
    }
  }

  private record LocalStore(java.nio.file.Path file) implements Store {
    @Override
    public boolean createExclusive(byte[] content) {
      try {
        Files.createDirectories(file.getParent());
        try (OutputStream out =
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          out.write(content);
        }
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        throw Errors.step("lock", file.toString(), "cannot create the lock: " + e.getMessage(), e);
      }
    }

    @Override
    public Optional<Holder> read() {
      try {
        Instant m = Files.getLastModifiedTime(file).toInstant();
        return Optional.of(parse(Files.readAllBytes(file), m));
      } catch (java.nio.file.NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw Errors.step("lock", file.toString(), "cannot read the lock: " + e.getMessage(), e);
      }
    }

    @Override
    public void touch() {
      try {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean moveAside(Holder seen) {
      java.nio.file.Path aside = file.resolveSibling(FILE + ".taken-over-" + UUID.randomUUID());
      try {
        Files.move(file, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        return false; // another process moved it first
      }
      return settle(aside, seen);
    }

    /** Keeps the moved file aside only if it is the stale lock we judged; else puts it back. */
    private boolean settle(java.nio.file.Path aside, Holder seen) {
      try {
        Holder moved =
            parse(Files.readAllBytes(aside), Files.getLastModifiedTime(aside).toInstant());
        if (!isTheJudged(moved, seen)) {
          Files.move(aside, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          return false;
        }
        Files.deleteIfExists(aside);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void delete() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("cannot delete the lock {}: {}", file, e.toString());
      }
    }

    @Override
    public String where() {
      return file.toString();
    }
  }

  private record HadoopStore(Path file, Configuration conf) implements Store {
    private FileSystem fs() throws IOException {
      return file.getFileSystem(conf);
    }

    @Override
    public boolean createExclusive(byte[] content) {
      try (OutputStream out = fs().create(file, false)) {
        out.write(content);
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        if (String.valueOf(e.getMessage()).contains("already exists")) {
          return false;
        }
        throw Errors.step("lock", file.toString(), "cannot create the lock: " + e.getMessage(), e);
      }
    }

    @Override
    public Optional<Holder> read() {
      try {
        FileSystem fs = fs();
        Instant m = Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime());
        try (InputStream in = fs.open(file)) {
          return Optional.of(parse(in.readAllBytes(), m));
        }
      } catch (java.io.FileNotFoundException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw Errors.step("lock", file.toString(), "cannot read the lock: " + e.getMessage(), e);
      }
    }

    @Override
    public void touch() {
      try {
        fs().setTimes(file, System.currentTimeMillis(), -1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean moveAside(Holder seen) {
      Path aside = new Path(file.getParent(), FILE + ".taken-over-" + UUID.randomUUID());
      try {
        FileSystem fs = fs();
        if (!fs.rename(file, aside)) {
          return false;
        }
        Holder moved;
        try (InputStream in = fs.open(aside)) {
          moved =
              parse(
                  in.readAllBytes(),
                  Instant.ofEpochMilli(fs.getFileStatus(aside).getModificationTime()));
        }
        if (!isTheJudged(moved, seen)) {
          fs.rename(aside, file);
          return false;
        }
        fs.delete(aside, false);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void delete() {
      try {
        fs().delete(file, false);
      } catch (IOException e) {
        LOG.warn("cannot delete the lock {}: {}", file, e.toString());
      }
    }

    @Override
    public String where() {
      return file.toString();
    }
  }
}
