package cmr.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (with its checksum files) whose permission calls run in-process.
 * Without Hadoop's native library (Maven's Hadoop client has none) {@code RawLocalFileSystem} forks
 * a {@code chmod} process for every file and folder it creates, and {@code readlink} processes for
 * every rename through FileContext: a Delta write of a few hundred files costs as many process
 * launches from a multi-gigabyte JVM. Used for {@code file:} paths only ({@code
 * spark.hadoop.fs.file.impl} in conf/application.conf, and {@link NoForkLocalFs} for Hadoop's
 * FileContext, which Delta's log writes use).
 */
public class NoForkLocalFileSystem extends LocalFileSystem {
  public NoForkLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-free) file system with in-process {@code setPermission}. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
    }

    /**
     * Without the native library Hadoop forks {@code readlink} here, and FileContext's rename
     * (every Delta commit: the log file and its checksum file) asks for it several times. A path
     * that is not a symbolic link has the status of the file itself; links keep Hadoop's own
     * answer.
     */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      if (!Files.isSymbolicLink(pathToFile(f).toPath())) {
        return getFileStatus(f);
      }
      return super.getFileLinkStatus(f);
    }
  }

  /** The nine rwx bits of a POSIX mode as java.nio permissions (special bits are not used here). */
  static Set<PosixFilePermission> posix(short mode) {
    PosixFilePermission[] order = {
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE
    };
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        set.add(order[i]);
      }
    }
    return set;
  }
}
