package cmr.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cmr.errors.CmrException;
import cmr.step.Progress;
import cmr.testing.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator on a tiny custom scale (10 days around Double 11, 2026-11-05 .. 2026-11-14), read
 * back with independent readers; no Spark ingestion involved.
 */
class SampleDataGeneratorTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d\\d:\\d\\d)$");
  private static final LocalDate FROM = LocalDate.of(2026, 11, 5);
  private static final int DAYS = 10;
  private static Path root;
  private static Path landing;
  private static Path truth;
  private static JsonNode summary;
  private static final Map<String, List<LandingFiles.Rec>> READ = new HashMap<>();

  static GenerateRequest request(Path landing, Path truth, int threads) {
    Scale tiny = Scale.small().with(800, 40, 4, 1500, 400, 2500);
    return new GenerateRequest(
        tiny,
        FROM,
        DAYS,
        7L,
        landing,
        truth,
        false,
        GenerateRequest.DEFAULT_DIRTY_RATE * 2,
        threads,
        7);
  }

  @BeforeAll
  static void generate() throws IOException {
    root = TestSpark.tempDir("generator");
    landing = root.resolve("a/landing");
    truth = root.resolve("a/truth");
    SampleDataGenerator.run(request(landing, truth, 2), Progress.silent());
    summary = new ObjectMapper().readTree(truth.resolve("generation_summary.json").toFile());
  }

  @Test
  void sameSeedGivesSameBytesWhateverTheThreads() throws IOException {
    Path other = root.resolve("b/landing");
    SampleDataGenerator.run(request(other, root.resolve("b/truth"), 1), Progress.silent());
    List<Path> a = allFiles(landing);
    List<Path> b = allFiles(other);
    assertEquals(
        a.stream().map(p -> landing.relativize(p).toString()).toList(),
        b.stream().map(p -> other.relativize(p).toString()).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), "differs: " + a.get(i));
    }
    assertArrayEquals(
        Files.readAllBytes(truth.resolve("response_curves.csv")),
        Files.readAllBytes(root.resolve("b/truth/response_curves.csv")));
  }

  @Test
  void everyFileKindIsWrittenAndReadable() throws IOException {
    Set<String> kinds = new HashSet<>();
    for (String source :
        List.of("orders", "ad_events", "user_activity", "users", "merchants", "campaigns")) {
      List<LandingFiles.Rec> recs = read(source);
      // every row written is read back: the summary's count is what the files hold
      assertEquals(summary.at("/sources/" + source + "/rows").asLong(), recs.size(), source);
      recs.forEach(r -> kinds.add(r.kind()));
    }
    assertEquals(Set.of("jsonl", "jsonl.gz", "csv", "csv.gz", "parquet"), kinds);
  }

  @Test
  void factsEveryDaySnapshotsOnlySomeDays() throws IOException {
    for (int d = 0; d < DAYS; d++) {
      String dt = "dt=" + FROM.plusDays(d);
      for (String s : List.of("orders", "ad_events", "user_activity")) {
        assertTrue(Files.isDirectory(landing.resolve(s).resolve(dt)), s + " " + dt);
      }
    }
    assertTrue(Files.isDirectory(landing.resolve("users/dt=2026-11-05")));
    assertTrue(Files.isDirectory(landing.resolve("merchants/dt=2026-11-05")));
    assertTrue(Files.isDirectory(landing.resolve("campaigns/dt=2026-11-05")));
    // users every 3rd day: 11-05, 11-08, 11-11, 11-14 -> 4 of 10 days
    try (Stream<Path> s = Files.list(landing.resolve("users"))) {
      assertEquals(4, s.count());
    }
  }

  @Test
  void injectedRejectsMatchTheSummary() throws IOException {
    for (String source : List.of("orders", "ad_events", "user_activity")) {
      Map<String, Integer> found = new HashMap<>();
      Map<String, Integer> ids = new HashMap<>();
      for (LandingFiles.Rec r : read(source)) {
        String reason = classify(source, r);
        if (reason != null) {
          found.merge(reason, 1, Integer::sum);
        } else if (r.get("event_id") != null) {
          ids.merge(r.get("event_id"), 1, Integer::sum);
        }
      }
      JsonNode rejects = summary.at("/sources/" + source + "/rejects");
      for (String reason :
          List.of("unparseable", "missing_field", "bad_time", "future_event", "too_late")) {
        assertEquals(
            rejects.path(reason).asInt(0), found.getOrDefault(reason, 0), source + " " + reason);
        assertTrue(found.getOrDefault(reason, 0) > 0, source + " has no " + reason);
      }
      long duplicates = ids.values().stream().mapToLong(n -> n - 1).sum();
      assertEquals(
          summary.at("/sources/" + source + "/duplicates_same_day").asLong()
              + summary.at("/sources/" + source + "/duplicates_later_day").asLong(),
          duplicates);
    }
  }

  @Test
  void rejectRatesStayWellUnderFivePercent() {
    summary
        .at("/sources")
        .fields()
        .forEachRemaining(
            src ->
                src.getValue()
                    .at("/by_date")
                    .fields()
                    .forEachRemaining(
                        day -> {
                          long rows = day.getValue().at("/rows").asLong();
                          long bad = 0;
                          for (JsonNode n : day.getValue().at("/rejects")) {
                            bad += n.asLong();
                          }
                          assertTrue(
                              bad < 0.05 * rows,
                              src.getKey() + " " + day.getKey() + ": " + bad + "/" + rows);
                        }));
  }

  @Test
  void eventsNearMidnightInBothOffsets() throws IOException {
    boolean zuluBeforeMidnight = false;
    boolean zuluAfterMidnight = false;
    boolean localAfterMidnight = false;
    for (LandingFiles.Rec r : read("orders")) {
      String t = r.unparseable() ? null : r.get("event_time");
      if (t == null || !OFFSET.matcher(t).matches()) {
        continue;
      }
      int minute =
          OffsetDateTime.parse(t).atZoneSameInstant(SHANGHAI).toLocalTime().toSecondOfDay() / 60;
      zuluBeforeMidnight |= t.endsWith("Z") && minute >= 1435;
      zuluAfterMidnight |= t.endsWith("Z") && minute < 5;
      localAfterMidnight |= t.endsWith("+08:00") && minute < 5;
    }
    assertTrue(zuluBeforeMidnight && zuluAfterMidnight && localAfterMidnight);
  }

  @Test
  void doubleElevenSpikes() {
    // SPEC-free sanity: Nov 11 pays are a multiple of an ordinary day's (factor 5 in the model)
    long d11 = summary.at("/sources/orders/by_date/2026-11-11/rows").asLong();
    long d9 = summary.at("/sources/orders/by_date/2026-11-09/rows").asLong();
    assertTrue(d11 > 2.5 * d9, d11 + " vs " + d9);
  }

  @Test
  void truthFilesOutsideLandingWithHillCurves() throws IOException {
    assertFalse(truth.toAbsolutePath().startsWith(landing.toAbsolutePath()));
    List<String> curves = Files.readAllLines(truth.resolve("response_curves.csv"));
    assertEquals("campaign_id,merchant_id,channel,gmax,half_saturation,hill", curves.get(0));
    List<String> campaigns = Files.readAllLines(truth.resolve("campaigns.csv"));
    assertEquals(
        "campaign_id,merchant_id,item_id,daily_budget,target_roi,start_date,end_date",
        campaigns.get(0));
    assertEquals(4 + 1, campaigns.size()); // 4 whole-site campaigns
    for (String line : curves.subList(1, curves.size())) {
      String[] f = line.split(",");
      double gmax = Double.parseDouble(f[3]);
      double k = Double.parseDouble(f[4]);
      double h = Double.parseDouble(f[5]);
      double prev = 0;
      for (double s = k / 20; s <= k * 50; s *= 1.5) {
        double g = gmax * Math.pow(s, h) / (Math.pow(k, h) + Math.pow(s, h));
        assertTrue(g > prev && g < gmax, line); // increasing, bounded by gmax
        prev = g;
      }
      // at the half-saturation spend the curve gives half of gmax
      assertEquals(gmax / 2, gmax * Math.pow(k, h) / (2 * Math.pow(k, h)), 1e-9);
      // saturating, unlike a power law: the log-log slope h*K^h/(K^h+s^h) falls from near h
      // at small spend to near 0 at large spend
      double small = h * Math.pow(k, h) / (Math.pow(k, h) + Math.pow(k / 10, h));
      double large = h * Math.pow(k, h) / (Math.pow(k, h) + Math.pow(k * 10, h));
      assertTrue(small > 4 * large, line);
    }
  }

  @Test
  void refusesNonEmptyLandingAndTruthInsideLanding() throws IOException {
    CmrException e =
        assertThrows(
            CmrException.class,
            () ->
                SampleDataGenerator.run(
                    request(landing, root.resolve("c/truth"), 1), Progress.silent()));
    assertTrue(e.oneLine().contains("not empty"), e.oneLine());
    Path fresh = root.resolve("d/landing");
    CmrException inside =
        assertThrows(
            CmrException.class,
            () ->
                SampleDataGenerator.run(
                    request(fresh, fresh.resolve("truth"), 1), Progress.silent()));
    assertTrue(inside.oneLine().contains("inside the landing"), inside.oneLine());
  }

  /** An independent check of the reasons that can be told from a single record. */
  private static String classify(String source, LandingFiles.Rec r) {
    if (r.unparseable()) {
      return "unparseable";
    }
    List<String> required =
        switch (source) {
          case "orders" ->
              "refund".equals(r.get("event_type"))
                  ? List.of(
                      "event_id",
                      "event_type",
                      "order_id",
                      "user_id",
                      "merchant_id",
                      "item_id",
                      "category_id",
                      "amount",
                      "event_time")
                  : List.of(
                      "event_id",
                      "event_type",
                      "order_id",
                      "user_id",
                      "merchant_id",
                      "item_id",
                      "category_id",
                      "quantity",
                      "amount",
                      "pay_method",
                      "event_time");
          case "ad_events" ->
              List.of(
                  "event_id",
                  "event_type",
                  "campaign_id",
                  "merchant_id",
                  "item_id",
                  "channel",
                  "user_id",
                  "cost",
                  "event_time");
          default -> List.of("event_id", "user_id", "event_type", "source", "event_time");
        };
    for (String f : required) {
      if (r.get(f) == null) {
        return "missing_field";
      }
    }
    String t = r.get("event_time");
    if (!OFFSET.matcher(t).matches()) {
      return "bad_time";
    }
    LocalDate eventDate = OffsetDateTime.parse(t).atZoneSameInstant(SHANGHAI).toLocalDate();
    LocalDate arrival = LocalDate.parse(r.dt());
    if (eventDate.isAfter(arrival)) {
      return "future_event";
    }
    if (eventDate.isBefore(arrival.minusDays(7))) {
      return "too_late";
    }
    if (!ID.matcher(r.get("event_id")).matches() || r.get("event_id").endsWith("x")) {
      return "other"; // a bad id or an invalid copy with another defect: not counted above
    }
    return null;
  }

  private static synchronized List<LandingFiles.Rec> read(String source) throws IOException {
    List<LandingFiles.Rec> r = READ.get(source);
    if (r == null) {
      r = LandingFiles.read(landing, source);
      READ.put(source, r);
    }
    return r;
  }

  private static List<Path> allFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
