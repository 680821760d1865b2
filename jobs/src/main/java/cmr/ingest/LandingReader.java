package cmr.ingest;

import cmr.errors.Errors;
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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;

/**
 * Reads the files of one {@code <landing>/<source>/dt=D/} folder, of every accepted kind, into one
 * frame of strings: the contract fields as text, plus {@code _source_file}, {@code _record} (order
 * within the file), {@code _raw} (the record as it came), {@code _corrupt} (the record could not be
 * parsed) and {@code _bad_utf8}. Nothing is validated here; blank lines are not records.
 * Works on any Hadoop file system (local, HDFS, S3).
 */
public final class LandingReader {
  public static final String CORRUPT = "_corrupt_record";
  private final SparkSession spark;

  public LandingReader(SparkSession spark) {
    this.spark = spark;
  }

  /** The folder of a source for an arrival day. */
  public static String folder(String landing, Source source, LocalDate date) {
    return landing + "/" + source.name() + "/dt=" + date;
  }

  /** The accepted files of the folder in name order; empty when the folder does not exist. */
  public List<LandingFile> list(String folder) {
    try {
      Path p = new Path(folder);
      FileSystem fs = p.getFileSystem(conf());
      if (!fs.exists(p)) {
        return List.of();
      }
      List<LandingFile> files = new ArrayList<>();
      for (FileStatus st : fs.listStatus(p)) {
        String name = st.getPath().getName();
        if (st.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
          LandingFile f = LandingFile.of(st.getPath().toString(), name);
          if (f != null) {
            files.add(f);
          }
        }
      }
      files.sort(Comparator.comparing(LandingFile::name));
      return files;
    } catch (IOException e) {
      throw Errors.input("ingest", folder, "cannot list the folder: " + e.getMessage(),
          "check that the landing path exists and is readable");
    }
  }

  /** Whether the folder exists (a snapshot folder that exists but is empty is an empty snapshot). */
  public boolean exists(String folder) {
    try {
      Path p = new Path(folder);
      return p.getFileSystem(conf()).exists(p);
    } catch (IOException e) {
      return false;
    }
  }

  /** Files in the folder whose extension is not accepted (reported, never read). */
  public List<String> ignored(String folder) {
    try {
      Path p = new Path(folder);
      FileSystem fs = p.getFileSystem(conf());
      if (!fs.exists(p)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(p))
          .filter(st -> st.isFile() && LandingFile.of(st.getPath().toString(), st.getPath().getName()) == null
              && !st.getPath().getName().startsWith(".") && !st.getPath().getName().startsWith("_"))
          .map(st -> st.getPath().getName()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** One file as the frame of strings described above. */
  public Dataset<Row> read(Source source, LandingFile file) {
    Dataset<Row> df = switch (file.kind()) {
      case JSONL -> readJson(source, file);
      case CSV -> readCsv(source, file);
      case PARQUET -> readParquet(source, file);
    };
    return df.withColumn("_source_file", lit(file.path()));
  }

  private Dataset<Row> text(LandingFile file) {
    return spark.read().text(file.path())
        .withColumn("_record", monotonically_increasing_id())
        .where(trim(col("value")).notEqual(""));
  }

  private Dataset<Row> readJson(Source source, LandingFile file) {
    StructType schema = stringSchema(source.fields()).add(CORRUPT, DataTypes.StringType);
    Map<String, String> opts = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);
    Dataset<Row> parsed = text(file).withColumn("_p", from_json(col("value"), schema, opts));
    return project(source, parsed, f -> col("_p." + f),
        col("_p." + CORRUPT).isNotNull().or(col("_p").isNull())
            .or(trim(col("value")).startsWith("{").equalTo(false)));
  }

  private Dataset<Row> readCsv(Source source, LandingFile file) {
    String header = headerLine(file);
    List<String> columns = Arrays.stream(header.split(",", -1))
        .map(h -> h.trim().replace("\"", "")).toList();
    StructType schema = stringSchema(columns).add(CORRUPT, DataTypes.StringType);
    Map<String, String> opts = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);
    Set<String> present = Set.copyOf(columns);
    Dataset<Row> lines = text(file).where(col("value").notEqual(header));
    Dataset<Row> parsed = lines.withColumn("_p", from_csv(col("value"), lit(schema.toDDL()), opts));
    return project(source, parsed,
        f -> present.contains(f) ? col("_p." + f) : lit(null).cast("string"),
        col("_p." + CORRUPT).isNotNull().or(col("_p").isNull()));
  }

  private Dataset<Row> readParquet(Source source, LandingFile file) {
    Dataset<Row> raw = spark.read().parquet(file.path());
    Map<String, StructField> byName = Arrays.stream(raw.schema().fields())
        .collect(Collectors.toMap(StructField::name, f -> f, (a, b) -> a, HashMap::new));
    Dataset<Row> withRaw = raw
        .withColumn("_record", monotonically_increasing_id())
        .withColumn("value", to_json(struct(Arrays.stream(raw.columns()).map(c -> col("`" + c + "`"))
            .toArray(Column[]::new))));
    return project(source, withRaw, f -> {
      StructField sf = byName.get(f);
      if (sf == null) {
        return lit(null).cast("string");
      }
      if (sf.dataType().equals(DataTypes.TimestampType)) {
        // A typed timestamp is an instant: render it with its offset so the time rules apply.
        return date_format(col("`" + f + "`"), "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
      }
      return col("`" + f + "`").cast("string");
    }, lit(false));
  }

  private Dataset<Row> project(Source source, Dataset<Row> df,
                               java.util.function.Function<String, Column> field, Column corrupt) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("_record"));
    cols.add(col("value").as("_raw"));
    cols.add(corrupt.as("_corrupt"));
    cols.add(org.apache.spark.sql.functions.not(
        org.apache.spark.sql.functions.call_function("is_valid_utf8", col("value"))).as("_bad_utf8"));
    for (String f : source.fields()) {
      cols.add(emptyToNull(field.apply(f)).as(f));
    }
    return df.select(cols.toArray(Column[]::new));
  }

  private static Column emptyToNull(Column c) {
    return org.apache.spark.sql.functions.when(trim(c).equalTo(""), lit(null)).otherwise(c);
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

  private String headerLine(LandingFile file) {
    Path p = new Path(file.path());
    try {
      FileSystem fs = p.getFileSystem(conf());
      InputStream in = fs.open(p);
      if (file.gzip()) {
        CompressionCodec codec = new CompressionCodecFactory(conf()).getCodec(p);
        in = codec == null ? in : codec.createInputStream(in);
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line = r.readLine();
        if (line == null || line.isBlank()) {
          throw new IOException("no header row");
        }
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
      }
    } catch (IOException e) {
      throw Errors.unreadableFile(file.path(), e.getMessage(), e);
    }
  }

  private Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
