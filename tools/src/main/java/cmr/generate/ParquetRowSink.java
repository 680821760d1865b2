package cmr.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A Parquet file (snappy) written with parquet-hadoop's plain writer, no Spark. Every field is an
 * optional UTF-8 string column named as in SPEC §1, so upstream values (and dirty ones) arrive
 * exactly as sent; a missing field is a null.
 */
final class ParquetRowSink implements RowSink {
  private final Path file;
  private final ParquetWriter<String[]> writer;
  private long rows;

  ParquetRowSink(Path file, Source source) throws IOException {
    this.file = file;
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String f : source.fields()) {
      b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f);
    }
    MessageType schema = b.named(source.dir());
    this.writer =
        new Builder(new LocalOutputFile(file), schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(64L * 1024 * 1024)
            .withPageSize(1024 * 1024)
            .withDictionaryEncoding(true)
            .withDictionaryEncoding("event_id", false)
            .withDictionaryEncoding("order_id", false)
            .withDictionaryEncoding("event_time", false)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build();
  }

  @Override
  public void write(String[] row) {
    try {
      writer.write(row);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void writeRaw(String line) {
    throw new IllegalStateException("a parquet file cannot hold an unparseable line");
  }

  @Override
  public FileKind kind() {
    return FileKind.PARQUET;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<String[], Builder> {
    private final MessageType schema;

    Builder(OutputFile file, MessageType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<String[]> getWriteSupport(Configuration conf) {
      return new StringRowSupport(schema);
    }

    @Override
    protected WriteSupport<String[]> getWriteSupport(ParquetConfiguration conf) {
      return new StringRowSupport(schema);
    }
  }

  private static final class StringRowSupport extends WriteSupport<String[]> {
    private final MessageType schema;
    private RecordConsumer consumer;

    StringRowSupport(MessageType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(String[] row) {
      consumer.startMessage();
      for (int i = 0; i < row.length; i++) {
        String v = row[i];
        if (v == null || v == Fmt.ABSENT) {
          continue;
        }
        Type t = schema.getType(i);
        consumer.startField(t.getName(), i);
        consumer.addBinary(Binary.fromString(v));
        consumer.endField(t.getName(), i);
      }
      consumer.endMessage();
    }
  }
}
