package cmr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Opens exported HTML in headless Chromium: a DOM check and a screenshot. */
final class Chromium {
  /** Test-only script added to a copy of the page: counts images that decoded, and the height. */
  static final String CHECK =
      """
      <script>
      window.addEventListener('load', function () {
        var imgs = Array.prototype.slice.call(document.images);
        var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
        var d = document.createElement('div');
        d.id = 'cmr-check';
        d.textContent = 'CMR-CHECK images=' + imgs.length + ' loaded=' + ok
            + ' height=' + document.documentElement.scrollHeight;
        document.body.appendChild(d);
      });
      </script>
      """;

  private Chromium() {}

  /** The DOM after load of a copy of {@code html} with {@link #CHECK} added. */
  static String check(String chromium, Path html) throws IOException {
    Path dir = cmr.testing.TestSpark.tempDir("chromium-check");
    Path copy = dir.resolve("check.html");
    Files.writeString(
        copy,
        Files.readString(html, StandardCharsets.UTF_8).replace("</body>", CHECK + "</body>"),
        StandardCharsets.UTF_8);
    ExternalTools.Run r =
        ExternalTools.run(
            ExternalTools.chromiumCommand(
                chromium,
                dir.resolve("profile"),
                "--virtual-time-budget=10000",
                "--dump-dom",
                copy.toUri().toString()),
            300);
    assertEquals(0, r.exit(), r.out());
    return r.out();
  }

  /** A 1400 x 6000 screenshot of {@code html} written to {@code target}. */
  static Path screenshot(String chromium, Path html, Path target) throws IOException {
    Path dir = cmr.testing.TestSpark.tempDir("chromium-shot");
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.deleteIfExists(target);
    ExternalTools.Run r =
        ExternalTools.run(
            ExternalTools.chromiumCommand(
                chromium,
                dir.resolve("profile"),
                "--hide-scrollbars",
                "--window-size=1400,6000",
                "--screenshot=" + target.toAbsolutePath(),
                html.toUri().toString()),
            300);
    assertEquals(0, r.exit(), r.out());
    assertTrue(Files.isRegularFile(target), "screenshot written: " + r.out());
    return target;
  }

  /** The screenshot is the expected size and not blank (many distinct colours: text and charts). */
  static void assertPainted(Path png) throws IOException {
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1400, img.getWidth());
    assertTrue(img.getHeight() >= 3000, "height " + img.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 7) {
      for (int x = 0; x < img.getWidth(); x += 7) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 50, "screenshot looks blank: " + colours.size() + " colours");
  }
}
