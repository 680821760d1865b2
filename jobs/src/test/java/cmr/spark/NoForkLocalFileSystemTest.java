package cmr.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoForkLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  private static Configuration conf() {
    Configuration c = new Configuration(false);
    c.set("fs.file.impl", NoForkLocalFileSystem.class.getName());
    c.set("fs.AbstractFileSystem.file.impl", NoForkLocalFs.class.getName());
    c.setBoolean("fs.file.impl.disable.cache", true);
    c.set("fs.permissions.umask-mode", "022");
    return c;
  }

  @Test
  void modeBitsMapToPosixPermissions() {
    assertEquals(
        PosixFilePermissions.fromString("rwxr-xr-x"), NoForkLocalFileSystem.posix((short) 0755));
    assertEquals(
        PosixFilePermissions.fromString("rw-r-----"), NoForkLocalFileSystem.posix((short) 0640));
    assertEquals(
        PosixFilePermissions.fromString("-w---x--x"), NoForkLocalFileSystem.posix((short) 0211));
  }

  @Test
  void filesAndFoldersGetTheUmaskedDefaultsWithChecksums() throws Exception {
    FileSystem fs = FileSystem.get(dir.toUri(), conf());
    assertInstanceOf(NoForkLocalFileSystem.class, fs);
    Path folder = new Path(dir.toUri().toString(), "a/b");
    assertTrue(fs.mkdirs(folder));
    try (FSDataOutputStream out = fs.create(new Path(folder, "f.txt"))) {
      out.writeBytes("hello");
    }
    assertEquals(
        "rwxr-xr-x",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))));
    assertTrue(Files.exists(dir.resolve("a/b/.f.txt.crc")), "checksum file kept");
    fs.setPermission(new Path(folder, "f.txt"), new FsPermission((short) 0600));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))));
  }

  @Test
  void fileContextCreatesAndRenamesThroughTheSameFileSystem() throws Exception {
    FileContext fc = FileContext.getFileContext(dir.toUri(), conf());
    Path tmp = new Path(dir.toUri().toString(), "log/.00001.json.tmp");
    Path done = new Path(dir.toUri().toString(), "log/00001.json");
    try (FSDataOutputStream out =
        fc.create(
            tmp,
            EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE),
            org.apache.hadoop.fs.Options.CreateOpts.createParent())) {
      out.writeBytes("{}");
    }
    fc.rename(tmp, done);
    assertEquals("{}", Files.readString(dir.resolve("log/00001.json")));
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("log/00001.json"))));
  }

  @Test
  void linkStatusIsHadoopsOwnAnswer() throws Exception {
    Files.writeString(dir.resolve("data.txt"), "12345");
    Files.createSymbolicLink(dir.resolve("alias.txt"), dir.resolve("data.txt"));
    FileSystem ours = ((FilterFileSystem) FileSystem.get(dir.toUri(), conf())).getRawFileSystem();
    RawLocalFileSystem hadoops = new RawLocalFileSystem();
    hadoops.initialize(dir.toUri(), conf());

    Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("gone.txt"));
    // Qualified paths (file:/..., what Spark and Delta pass) and plain ones: with a plain path
    // Hadoop's readlink does see the link.
    for (String name :
        new String[] {"data.txt", "alias.txt", "plain:alias.txt", "plain:dangling.txt"}) {
      Path p =
          name.startsWith("plain:")
              ? new Path(dir.resolve(name.substring(6)).toString())
              : new Path(dir.toUri().toString(), name);
      FileStatus a = ours.getFileLinkStatus(p);
      FileStatus b = hadoops.getFileLinkStatus(p);
      assertEquals(b.getPath(), a.getPath(), name);
      assertEquals(b.isFile(), a.isFile(), name);
      assertEquals(b.isSymlink(), a.isSymlink(), name);
      assertEquals(b.getLen(), a.getLen(), name);
      if (b.isSymlink()) {
        assertEquals(b.getSymlink(), a.getSymlink(), name);
      }
    }
    assertTrue(
        ours.getFileLinkStatus(new Path(dir.resolve("alias.txt").toString())).isSymlink(),
        "a plain path to a link is reported as a link");
    assertEquals(5, ours.getFileLinkStatus(new Path(dir.toUri().toString(), "data.txt")).getLen());
    Path missing = new Path(dir.toUri().toString(), "missing.txt");
    assertThrows(FileNotFoundException.class, () -> hadoops.getFileLinkStatus(missing));
    assertThrows(FileNotFoundException.class, () -> ours.getFileLinkStatus(missing));
  }
}
