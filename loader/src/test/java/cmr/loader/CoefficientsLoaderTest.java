package cmr.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoefficientsLoaderTest {

  @Test
  void readsWhatThePublisherWrote() throws IOException {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    String v = Fixtures.publish(f, 1);
    CoefficientsLoader loader = new CoefficientsLoader(dir);
    Coefficients c = loader.reload();
    assertEquals(v, c.version());
    assertEquals(0.5, c.campaign("k1").orElseThrow().bidMultiplier());
    assertEquals(60.0, c.channel("k1", "search").orElseThrow().spendPlan());
    assertTrue(c.channel("k1", "display").isEmpty(), "no row: no spend");
    assertNull(c.campaign("k2").orElseThrow().expectedRoi());
    // the CSV is RFC 4180 with CRLF and money with two decimals
    String csv = Files.readString(dir.resolve(v).resolve("channels.csv"));
    assertEquals(
        "campaign_id,channel,weight,spend_plan,alpha,beta,days_observed\r\n"
            + "k1,search,0.6,60.00,20,0.6,28\r\n"
            + "k1,live,0.4,40.00,15,0.5,20\r\n",
        csv);
    assertEquals(v + "\n", Files.readString(dir.resolve("LATEST")));
    Manifest m = c.manifest();
    assertEquals(2, m.files().get("channels.csv").rows());
    assertEquals(Fixtures.RUN.minusDays(27), m.trainingFrom());
    assertNull(m.previousVersion());
  }

  @Test
  void refusesABadVersionAndKeepsTheLastGoodOne() throws IOException {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    String good = Fixtures.publish(f, 1);
    CoefficientsLoader loader = new CoefficientsLoader(dir);
    Coefficients first = loader.reload();

    // a second version whose channels.csv is altered after the manifest was written
    String bad = Fixtures.publish(f, 2);
    Path csv = dir.resolve(bad).resolve("channels.csv");
    Files.writeString(csv, Files.readString(csv).replace("0.6,60.00", "0.6,61.00"));
    CoefficientsException e = assertThrows(CoefficientsException.class, loader::reload);
    assertEquals("checksum", e.check());
    assertSame(first, loader.current());
    assertEquals(good, loader.current().version());
  }

  @Test
  void detectsTruncationRowCountsAndContentErrors() throws IOException {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    String v = Fixtures.publish(f, 1);
    Path vd = dir.resolve(v);
    String full = Files.readString(vd.resolve("channels.csv"));

    // truncated mid-row, manifest checksum matching the truncated bytes: still refused
    rewrite(vd, "channels.csv", full.substring(0, full.length() - 5));
    assertEquals(
        "format",
        assertThrows(CoefficientsException.class, () -> CoefficientsLoader.loadLatest(dir))
            .check());

    // a row dropped (valid CSV) but the manifest still says 2 rows
    String oneRow = full.substring(0, full.lastIndexOf("k1,live"));
    rewriteKeepingCount(vd, "channels.csv", oneRow);
    assertEquals(
        "row_count",
        assertThrows(CoefficientsException.class, () -> CoefficientsLoader.loadLatest(dir))
            .check());

    // weights 0.6 + 0.3 = 0.9 != 1
    rewrite(vd, "channels.csv", full.replace("0.4,40.00", "0.3,40.00"));
    CoefficientsException w =
        assertThrows(CoefficientsException.class, () -> CoefficientsLoader.loadLatest(dir));
    assertEquals("weights_sum", w.check());
    assertTrue(w.reason().contains("k1"), w.reason());

    // NaN and negative numbers are not plain non-negative decimals
    rewrite(vd, "channels.csv", full.replace("0.6,60.00,20", "0.6,60.00,NaN"));
    assertEquals(
        "finite_non_negative",
        assertThrows(CoefficientsException.class, () -> CoefficientsLoader.loadLatest(dir))
            .check());
    rewrite(vd, "channels.csv", full.replace("0.6,60.00,20", "0.6,60.00,-20"));
    assertEquals(
        "finite_non_negative",
        assertThrows(CoefficientsException.class, () -> CoefficientsLoader.loadLatest(dir))
            .check());

    // LATEST naming a version that does not exist
    f.switchLatest("v20990101T000000000Z-2099-01-01");
    assertEquals(
        "missing_file",
        assertThrows(CoefficientsException.class, () -> CoefficientsLoader.loadLatest(dir))
            .check());
  }

  @Test
  void malformedManifestsAreRefusedAsManifestErrorsAndTheLastGoodVersionStays() throws IOException {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    Fixtures.publish(f, 1);
    CoefficientsLoader loader = new CoefficientsLoader(dir);
    Coefficients good = loader.reload();
    String bad = Fixtures.publish(f, 2);
    Path mf = dir.resolve(bad).resolve("manifest.json");
    String json = Files.readString(mf);
    String rows = "\"rows\": 2";
    assertTrue(json.contains(rows), json);
    List<String> broken =
        List.of(
            json.replace(rows, "\"rows\": 99999999999999999999"), // beyond a long
            json.replace(rows, "\"rows\": \u0662"), // an Arabic-Indic digit
            json.replaceFirst("\"version\": \"", "\"version\": \"\\\\u12G4"), // bad escape
            json.replaceFirst(
                "\\{", "{\"x\": " + "{\"y\": ".repeat(5000) + "1" + "}".repeat(5000) + ","));
    for (String text : broken) {
      Files.writeString(mf, text);
      CoefficientsException e = assertThrows(CoefficientsException.class, loader::reload, text);
      assertEquals("manifest", e.check(), e.reason());
      assertSame(good, loader.current());
    }
  }

  @Test
  void everyNumberTheWriterProducesIsOneTheReaderAccepts() {
    double[] values = {
      Double.MIN_VALUE, 1e-300, 1e-45, 0.1, 1.0 / 3, 2.5, 1e22, 1e300, Double.MAX_VALUE
    };
    for (double v : values) {
      String text = CoefficientsFormat.number(v);
      assertTrue(text.matches("[0-9]+([.][0-9]+)?"), text);
      assertEquals(v, CoefficientsFormat.parseNumber(text, "test"), text);
    }
  }

  @Test
  void expectedSpendAboveBudgetIsRefused() {
    Manifest m = null;
    List<CampaignCoefficients> camps =
        List.of(new CampaignCoefficients("k1", "m1", 90, 3, 0.5, 100, 350, 3.5, "ok"));
    CoefficientsException e =
        assertThrows(
            CoefficientsException.class, () -> Coefficients.of(m, camps, Fixtures.channels()));
    assertEquals("expected_spend_le_budget", e.check());
  }

  @Test
  void versionNamesSortInPublicationOrderAndPruneKeepsTheLiveOne() {
    Path dir = Fixtures.tempDir();
    PublishedFolder f = new PublishedFolder(dir);
    Instant t = Instant.parse("2026-11-23T05:00:00Z");
    String a = f.newVersionName(t, Fixtures.RUN);
    assertEquals("v20261123T050000000Z-2026-11-20", a);
    f.writeVersion(
        a,
        Fixtures.RUN,
        Fixtures.RUN.minusDays(27),
        Fixtures.RUN,
        null,
        Fixtures.campaigns(1).iterator(),
        Fixtures.channels().iterator());
    // the clock went back an hour: the next name still sorts after
    String b = f.newVersionName(t.minusSeconds(3600), Fixtures.RUN.minusDays(5));
    assertEquals("v20261123T050000001Z-2026-11-15", b);
    f.switchLatest(a);
    f.writeVersion(
        b,
        Fixtures.RUN,
        Fixtures.RUN.minusDays(27),
        Fixtures.RUN,
        a,
        Fixtures.campaigns(1).iterator(),
        Fixtures.channels().iterator());
    assertEquals(List.of(a, b), f.versions());
    assertEquals(
        List.of(), f.prune(1, java.time.Duration.ZERO), "a is live, so it stays although older");
    f.switchLatest(b);
    assertEquals(List.of(a), f.prune(1, java.time.Duration.ZERO));
    assertEquals(List.of(b), f.versions());
  }

  private static void rewrite(Path vd, String file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Files.write(vd.resolve(file), bytes);
    Path mf = vd.resolve("manifest.json");
    Manifest m = Manifest.parse(Files.readString(mf));
    String json =
        Files.readString(mf)
            .replace(m.files().get(file).sha256(), CoefficientsLoader.sha256(bytes));
    Files.writeString(mf, json);
  }

  private static void rewriteKeepingCount(Path vd, String file, String text) throws IOException {
    rewrite(vd, file, text);
  }
}
