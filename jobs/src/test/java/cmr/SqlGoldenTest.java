package cmr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.testing.SqlGolden;
import cmr.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden cases of the SQL files ({@link SqlGolden}): every file under {@code
 * src/test/resources/sql-golden/} is one case. Regenerate the expected sections with {@code mvn -pl
 * loader,jobs test -Dtest=SqlGoldenTest -Dcmr.golden.update=true} and review the diff. Also checks
 * that every file under {@code sql/} is exercised by some test.
 */
class SqlGoldenTest {
  static final Path CASES = Path.of("src/test/resources/sql-golden");
  static final Path SQL = Path.of(System.getProperty("cmr.repo.root", ".."), "sql");

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(CASES)) {
      files = s.filter(p -> p.toString().endsWith(".golden")).sorted().toList();
    }
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    CASES.relativize(f).toString(),
                    () -> {
                      SqlGolden g = SqlGolden.read(f);
                      List<String> actual = g.run(TestSpark.spark());
                      if (Boolean.getBoolean("cmr.golden.update")) {
                        g.update(actual);
                      } else {
                        assertEquals(
                            String.join("\n", g.expected()),
                            String.join("\n", actual),
                            f.toString());
                      }
                    }));
  }

  /**
   * Every SQL file is run by a test: a golden case of its own, or a test source that names it (the
   * hand-worked tests of the gold tables and the model).
   */
  @Test
  void everySqlFileIsExercised() throws IOException {
    StringBuilder tests = new StringBuilder();
    for (Path root : List.of(Path.of("src/test/java"), Path.of("../tools/src/test/java"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          for (Path p : s.filter(x -> x.toString().endsWith(".java")).toList()) {
            tests.append(Files.readString(p));
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    try (Stream<Path> s = Files.walk(SQL)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
        String name = SQL.relativize(p).toString().replaceAll("\\.sql$", "");
        boolean golden = Files.isDirectory(CASES.resolve(name));
        if (!golden && !tests.toString().contains("\"" + name + "\"")) {
          missing.add(name);
        }
      }
    }
    assertEquals(
        List.of(),
        missing,
        "SQL files no test runs (add a golden case under " + CASES + "/<name>/)");
  }
}
