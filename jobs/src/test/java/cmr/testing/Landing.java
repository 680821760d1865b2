package cmr.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

/** Writes landing files for tests: {@code <root>/landing/<source>/dt=<date>/<name>}. */
public final class Landing {
  private final Path root;

  public Landing(Path root) {
    this.root = root;
  }

  public Path folder(String source, LocalDate date) {
    return root.resolve("landing").resolve(source).resolve("dt=" + date);
  }

  public Path write(String source, LocalDate date, String name, String... lines) {
    try {
      Path dir = folder(source, date);
      Files.createDirectories(dir);
      Path f = dir.resolve(name);
      byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
          out.write(bytes);
        }
      } else {
        Files.write(f, bytes);
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path writeBytes(String source, LocalDate date, String name, byte[] bytes) {
    try {
      Path dir = folder(source, date);
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
