package cmr.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The publisher's own rules, with no coefficient files in the way. */
class VersionedFolderTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  private static String publish(VersionedFolder f, Instant at) throws Exception {
    String v = f.newVersionName(at, D);
    Path s = f.stage(v);
    Files.writeString(s.resolve("page.html"), v);
    f.commit(s, v);
    f.switchLatest(v);
    return v;
  }

  @Test
  void whatAKilledWriterLeftIsRemovedByTheNextPublication() throws Exception {
    Path dir = Fixtures.tempDir();
    VersionedFolder f = new VersionedFolder(dir);
    String a = publish(f, Instant.parse("2026-11-21T05:00:00Z"));
    Path staging = Files.createDirectories(dir.resolve(".v1.tmp-" + UUID.randomUUID()));
    Files.writeString(staging.resolve("half.html"), "<ht");
    Path pointer = Files.writeString(dir.resolve(".LATEST.tmp-" + UUID.randomUUID()), "v");
    String b = publish(f, Instant.parse("2026-11-22T05:00:00Z"));
    assertFalse(Files.exists(staging));
    assertFalse(Files.exists(pointer));
    assertEquals(List.of(a, b), f.versions());
    assertEquals(b, f.pointer().orElseThrow());
  }

  @Test
  void aVersionIsPrunedOnlyWhenItWasSupersededLongerAgoThanTheGrace() throws Exception {
    Path dir = Fixtures.tempDir();
    VersionedFolder f = new VersionedFolder(dir);
    String a = publish(f, Instant.parse("2026-11-21T05:00:00Z"));
    String b = publish(f, Instant.parse("2026-11-22T05:00:00Z")); // a superseded just now
    Instant now = Instant.now();
    assertEquals(List.of(), f.prune(List.of(a), Duration.ofMinutes(10), now));
    assertTrue(Files.isDirectory(dir.resolve(a)));
    // ten minutes later it goes; the live one never does
    Instant later = now.plus(Duration.ofMinutes(11));
    assertEquals(List.of(a), f.prune(List.of(a, b), Duration.ofMinutes(10), later));
    assertEquals(List.of(b), f.versions());
    // a version created long ago but live until a moment ago is kept: the stamp is the switch
    String c = publish(f, Instant.parse("2026-11-23T05:00:00Z"));
    Files.setLastModifiedTime(dir.resolve(c), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    publish(f, Instant.parse("2026-11-24T05:00:00Z")); // supersedes c now
    assertEquals(List.of(), f.prune(List.of(c), Duration.ofMinutes(10), Instant.now()));
  }
}
