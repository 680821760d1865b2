package cmr.coefficients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cmr.cli.CmrCli;
import cmr.errors.Errors;
import cmr.loader.CampaignCoefficients;
import cmr.loader.ChannelCoefficients;
import cmr.loader.PublishedFolder;
import cmr.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cmr coefficients list} and {@code rollback} (no Spark needed). */
class CoefficientsCommandTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void rollbackVerifiesTheTargetAndSwitchesLatest() throws IOException {
    Path root = TestSpark.tempDir("coef-cli");
    Path dir = root.resolve("warehouse").resolve("published").resolve("coefficients");
    PublishedFolder f = new PublishedFolder(dir);
    String a = publish(f, Instant.parse("2026-11-21T05:00:00Z"));
    String b = publish(f, Instant.parse("2026-11-22T05:00:00Z"));
    String wh = root.resolve("warehouse").toString();
    assertEquals(0, CmrCli.execute("coefficients", "list", "--warehouse", wh));
    assertEquals(0, CmrCli.execute("coefficients", "rollback", "--to", a, "--warehouse", wh));
    assertEquals(a, f.live().orElseThrow());
    // a damaged version is refused (exit 4) and LATEST stays
    Files.writeString(dir.resolve(b).resolve("campaigns.csv"), "garbage\r\n");
    assertEquals(
        Errors.PUBLICATION,
        CmrCli.execute("coefficients", "rollback", "--to", b, "--warehouse", wh));
    assertEquals(a, f.live().orElseThrow());
  }

  private static String publish(PublishedFolder f, Instant at) {
    String v = f.newVersionName(at, RUN);
    f.writeVersion(
        v,
        RUN,
        RUN.minusDays(27),
        RUN,
        f.live().orElse(null),
        List.of(new CampaignCoefficients("k1", "m1", 100, 2, 0.5, 100, 300, 3.0, "ok")).iterator(),
        List.of(new ChannelCoefficients("k1", "search", 1, 100, 30, 0.5, 28)).iterator());
    f.switchLatest(v);
    return v;
  }
}
