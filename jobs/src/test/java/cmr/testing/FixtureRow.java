package cmr.testing;

import org.apache.spark.sql.Row;

/** One hand-made row of a silver or gold table, built by {@link Fixtures}. */
@FunctionalInterface
public interface FixtureRow {
  Row row();
}
