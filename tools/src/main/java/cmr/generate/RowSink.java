package cmr.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One landing file being written. Rows are arrays of field values in {@link Source} order; {@code
 * null} is a null value and {@link Fmt#ABSENT} a field left out. Not thread-safe.
 */
interface RowSink extends Closeable {
  void write(String[] row);

  /** Writes a line as-is (an unparseable record); only for text kinds. */
  void writeRaw(String line);

  FileKind kind();

  long rows();

  @Override
  void close();

  static RowSink open(Path file, FileKind kind, Source source) {
    try {
      return kind == FileKind.PARQUET
          ? new ParquetRowSink(file, source)
          : new TextRowSink(file, kind, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }
}
