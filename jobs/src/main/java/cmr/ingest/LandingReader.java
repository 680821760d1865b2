package cmr.ingest;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import cmr.errors.Errors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads landing files of one source (one or many arrival days) into one frame of strings: the
 * contract fields as text, plus {@code _source_file}, {@code _arrival_date} (from the folder {@code
 * dt=}), {@code _record} (order within the file), {@code _raw} (the record as it came), {@code
 * _corrupt} (could not be parsed) and {@code _bad_utf8}. Files of one kind are read in one Spark
 * read (CSV files grouped by header, parquet by schema), so many days cost one job. Nothing is
 * validated here; blank lines are not records. Works on any Hadoop file system.
 */
public final class LandingReader {
  public static final String CORRUPT = "_corrupt_record";
  private static final Map<String, String> PERMISSIVE =
      Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);
  private final SparkSession spark;

  public LandingReader(SparkSession spark) {
    this.spark = spark;
  }

  /** The folder of a source for an arrival day. */
  public static String folder(String landing, Source source, LocalDate date) {
    return landing + "/" + source.name() + "/dt=" + date;
  }

  /** Whether the folder exists (a snapshot folder that exists is that day's snapshot). */
  public boolean exists(String folder) {
    try {
      Path p = new Path(folder);
      return p.getFileSystem(conf()).exists(p);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The accepted files of a folder in name order (empty when it does not exist); other files are
   * passed to {@code ignored}.
   */
  public List<LandingFile> list(String folder, LocalDate arrival, List<String> ignored) {
    try {
      Path p = new Path(folder);
      FileSystem fs = p.getFileSystem(conf());
      if (!fs.exists(p)) {
        return List.of();
      }
      List<LandingFile> files = new ArrayList<>();
      for (FileStatus st : fs.listStatus(p)) {
        String name = st.getPath().getName();
        if (!st.isFile() || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        LandingFile f = LandingFile.of(st.getPath().toString(), name, arrival);
        if (f != null) {
          files.add(f);
        } else {
          ignored.add(st.getPath().toString());
        }
      }
      files.sort(Comparator.comparing(LandingFile::name));
      return files;
    } catch (IOException e) {
      throw Errors.input(
          "ingest",
          folder,
          "cannot list the folder: " + e.getMessage(),
          "check that the landing path exists and is readable");
    }
  }

  /** All the given files of one source as the frame of strings described above. */
  public Dataset<Row> read(Source source, List<LandingFile> files) {
    List<Dataset<Row>> parts = new ArrayList<>();
    List<LandingFile> json =
        files.stream().filter(f -> f.kind() == LandingFile.Kind.JSONL).toList();
    if (!json.isEmpty()) {
      parts.add(readJson(source, json));
    }
    Map<String, List<LandingFile>> csvByHeader = new LinkedHashMap<>();
    for (LandingFile f : files) {
      if (f.kind() == LandingFile.Kind.CSV) {
        csvByHeader.computeIfAbsent(headerLine(f), h -> new ArrayList<>()).add(f);
      }
    }
    csvByHeader.forEach((header, group) -> parts.add(readCsv(source, header, group)));
    List<LandingFile> parquet =
        files.stream().filter(f -> f.kind() == LandingFile.Kind.PARQUET).toList();
    if (!parquet.isEmpty()) {
      parts.add(readParquet(source, parquet));
    }
    return parts.stream().reduce(Dataset::unionByName).orElseGet(() -> empty(source));
  }

  private Dataset<Row> text(List<LandingFile> files) {
    return spark
        .read()
        .text(paths(files))
        .withColumn("_source_file", sourceFile())
        .withColumn("_record", monotonically_increasing_id())
        .where(trim(col("value")).notEqual(""));
  }

  private Dataset<Row> readJson(Source source, List<LandingFile> files) {
    StructType schema = stringSchema(source.fields()).add(CORRUPT, DataTypes.StringType);
    Dataset<Row> parsed = text(files).withColumn("_p", from_json(col("value"), schema, PERMISSIVE));
    return project(
        source,
        parsed,
        f -> col("_p." + f),
        col("_p." + CORRUPT)
            .isNotNull()
            .or(col("_p").isNull())
            .or(not(trim(col("value")).startsWith("{"))));
  }

  private Dataset<Row> readCsv(Source source, String header, List<LandingFile> files) {
    List<String> columns =
        Arrays.stream(header.split(",", -1)).map(h -> h.trim().replace("\"", "")).toList();
    StructType schema = stringSchema(columns).add(CORRUPT, DataTypes.StringType);
    Set<String> present = Set.copyOf(columns);
    Dataset<Row> lines =
        text(files).where(regexp_replace(col("value"), "^\uFEFF", "").notEqual(header));
    Dataset<Row> parsed =
        lines.withColumn("_p", from_csv(col("value"), lit(schema.toDDL()), PERMISSIVE));
    return project(
        source,
        parsed,
        f -> present.contains(f) ? col("_p." + f) : lit(null).cast("string"),
        col("_p." + CORRUPT).isNotNull().or(col("_p").isNull()));
  }

  /** Parquet files in one read; their schemas are merged (a column missing in a file is null). */
  private Dataset<Row> readParquet(Source source, List<LandingFile> files) {
    for (LandingFile f : files) {
      emptyParquet(f);
    }
    Dataset<Row> raw;
    try {
      raw = spark.read().option("mergeSchema", "true").parquet(paths(files));
    } catch (Exception e) {
      // Incompatible schemas (or an unreadable footer): read file by file to find out which.
      return files.stream()
          .map(f -> readParquet(source, List.of(f), parquetSchema(f)))
          .reduce(Dataset::unionByName)
          .orElseThrow();
    }
    return readParquet(source, files, raw.schema());
  }

  private Dataset<Row> readParquet(Source source, List<LandingFile> files, StructType schema) {
    Dataset<Row> raw = spark.read().schema(schema).parquet(paths(files));
    Map<String, StructField> byName = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      byName.put(f.name(), f);
    }
    Dataset<Row> withRaw =
        raw.withColumn(
                "value",
                to_json(
                    struct(
                        Arrays.stream(raw.columns())
                            .map(c -> col("`" + c + "`"))
                            .toArray(Column[]::new))))
            .withColumn("_source_file", sourceFile())
            .withColumn("_record", monotonically_increasing_id());
    return project(
        source,
        withRaw,
        f -> {
          StructField sf = byName.get(f);
          if (sf == null) {
            return lit(null).cast("string");
          }
          if (sf.dataType().equals(DataTypes.TimestampType)) {
            // A typed timestamp is an instant: render it with its offset so the time rules apply.
            return date_format(col("`" + f + "`"), "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
          }
          return col("`" + f + "`").cast("string");
        },
        lit(false));
  }

  private Dataset<Row> project(
      Source source, Dataset<Row> df, Function<String, Column> field, Column corrupt) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("_source_file"));
    cols.add(
        to_date(regexp_extract(col("_source_file"), "/dt=([0-9]{4}-[0-9]{2}-[0-9]{2})/", 1))
            .as("_arrival_date"));
    cols.add(col("_record"));
    cols.add(col("value").as("_raw"));
    cols.add(corrupt.as("_corrupt"));
    cols.add(not(call_function("is_valid_utf8", col("value"))).as("_bad_utf8"));
    for (String f : source.fields()) {
      cols.add(emptyToNull(field.apply(f)).as(f));
    }
    return df.select(cols.toArray(Column[]::new));
  }

  /** The frame of a source with no files. */
  public Dataset<Row> empty(Source source) {
    StringBuilder ddl =
        new StringBuilder(
            "_source_file STRING, _arrival_date DATE, _record BIGINT, "
                + "_raw STRING, _corrupt BOOLEAN, _bad_utf8 BOOLEAN");
    for (String f : source.fields()) {
      ddl.append(", ").append(f).append(" STRING");
    }
    return spark.createDataFrame(List.of(), StructType.fromDDL(ddl.toString()));
  }

  /** input_file_name() in the same form as Hadoop's Path.toString() (file:/x, not file:///x). */
  private static Column sourceFile() {
    return regexp_replace(input_file_name(), "^file:///", "file:/");
  }

  private static Column emptyToNull(Column c) {
    return when(trim(c).equalTo(""), lit(null)).otherwise(c);
  }

  private static String[] paths(List<LandingFile> files) {
    return files.stream().map(LandingFile::path).toArray(String[]::new);
  }

  private static StructType stringSchema(List<String> names) {
    StructType t = new StructType();
    for (String n : names) {
      if (!n.isEmpty() && !n.equals(CORRUPT)) {
        t = t.add(n, DataTypes.StringType);
      }
    }
    return t;
  }

  /** A 0-byte parquet file has no footer: say so instead of Parquet's own error. */
  private void emptyParquet(LandingFile f) {
    Path p = new Path(f.path());
    try {
      if (p.getFileSystem(conf()).getFileStatus(p).getLen() == 0) {
        throw new UnreadableFileException(
            f.path(), "is empty (0 bytes): a parquet file has at least a footer");
      }
    } catch (IOException e) {
      throw new UnreadableFileException(f.path(), e);
    }
  }

  private StructType parquetSchema(LandingFile f) {
    try {
      return spark.read().parquet(f.path()).schema();
    } catch (Exception e) {
      throw new UnreadableFileException(f.path(), e);
    }
  }

  private String headerLine(LandingFile file) {
    Path p = new Path(file.path());
    try {
      FileSystem fs = p.getFileSystem(conf());
      InputStream in = fs.open(p);
      if (file.gzip()) {
        CompressionCodec codec = new CompressionCodecFactory(conf()).getCodec(p);
        in = codec == null ? in : codec.createInputStream(in);
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line = r.readLine();
        if (line == null || line.isBlank()) {
          throw new IOException("no header row");
        }
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
      }
    } catch (IOException e) {
      throw new UnreadableFileException(file.path(), e);
    }
  }

  private Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  /** A landing file that cannot be read at all (named, so the caller can fail or quarantine it). */
  public static final class UnreadableFileException extends RuntimeException {
    private final String file;

    public UnreadableFileException(String file, Throwable cause) {
      super(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(),
          cause);
      this.file = file;
    }

    public UnreadableFileException(String file, String message) {
      super(message);
      this.file = file;
    }

    public String file() {
      return file;
    }
  }
}
