package cmr.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Draws a chart to PNG bytes, headless; the text is rasterised with the chart's font. */
public final class ChartImages {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 480;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartImages() {}

  public static byte[] png(JFreeChart chart, int width, int height) {
    BufferedImage img = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
