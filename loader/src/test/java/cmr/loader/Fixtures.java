package cmr.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small hand-made versions for the loader tests. */
final class Fixtures {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  private Fixtures() {}

  static Path tempDir() {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(Path.of("target"), "published").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Campaign k1: budget 100, plan 60 in search and 40 in live (weights 0.6 / 0.4); k2: no history,
   * plans nothing (bid multiplier 0, weights 0, expected_roi empty). {@code scale} varies the bid
   * multiplier so that successive versions differ.
   */
  static List<CampaignCoefficients> campaigns(double scale) {
    return List.of(
        new CampaignCoefficients("k1", "m1", 100, 3, 0.5 * scale, 100, 350, 3.5, "ok"),
        new CampaignCoefficients("k2", "m2", 50, 4, 0, 0, 0, null, "no_history"));
  }

  static List<ChannelCoefficients> channels() {
    return List.of(
        new ChannelCoefficients("k1", "search", 0.6, 60, 20, 0.6, 28),
        new ChannelCoefficients("k1", "live", 0.4, 40, 15, 0.5, 20));
  }

  static String publish(PublishedFolder f, double scale) {
    String v = f.newVersionName(Instant.now(), RUN);
    f.writeVersion(
        v,
        RUN,
        RUN.minusDays(27),
        RUN,
        f.live().orElse(null),
        campaigns(scale).iterator(),
        channels().iterator());
    f.switchLatest(v);
    return v;
  }
}
