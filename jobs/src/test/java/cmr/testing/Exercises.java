package cmr.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL files under {@code sql/} (names without {@code .sql}) that a test runs through the steps
 * it drives, for {@code SqlGoldenTest.everySqlFileIsExercised}: every SQL file is named by a golden
 * case or by a test that carries this annotation.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Exercises {
  String[] value();
}
