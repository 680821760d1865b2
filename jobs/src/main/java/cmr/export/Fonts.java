package cmr.export;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the font family the charts are drawn with. For Simplified Chinese it must display CJK text:
 * the first installed family of {@link #CJK_PREFERRED}, else any installed family that can display
 * {@link #CJK_PROBE}. Cost: one scan of the installed families (cached by the JVM).
 */
public final class Fonts {
  /** Families tried first, in order (Noto from fonts-noto-cjk, then common alternatives). */
  public static final List<String> CJK_PREFERRED =
      List.of(
          "Noto Sans CJK SC",
          "Noto Sans SC",
          "Source Han Sans SC",
          "Source Han Sans CN",
          "WenQuanYi Micro Hei",
          "WenQuanYi Zen Hei",
          "Microsoft YaHei",
          "PingFang SC",
          "Hiragino Sans GB",
          "SimHei",
          "Noto Sans CJK JP",
          "Droid Sans Fallback",
          "AR PL UMing CN");

  /** Chinese text every dashboard label set uses; a family must display all of it. */
  public static final String CJK_PROBE = "月活跃用户成交额客户管理收入变现率赔付投产比渠道暂定数据";

  private Fonts() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** The family for {@code lang}; empty when Chinese is asked for and no CJK font is installed. */
  public static Optional<String> family(Lang lang) {
    if (!lang.chinese()) {
      return Optional.of(Font.SANS_SERIF);
    }
    return cjkFamily();
  }

  /** The first installed family able to display Simplified Chinese, if any. */
  public static Optional<String> cjkFamily() {
    Set<String> installed =
        new TreeSet<>(
            Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
    for (String f : CJK_PREFERRED) {
      if (installed.contains(f) && canDisplay(f, CJK_PROBE)) {
        return Optional.of(f);
      }
    }
    for (String f : installed) {
      if (!f.equals(Font.DIALOG)
          && !f.equals(Font.SANS_SERIF)
          && !f.equals(Font.SERIF)
          && !f.equals(Font.MONOSPACED)
          && !f.equals(Font.DIALOG_INPUT)
          && canDisplay(f, CJK_PROBE)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** True when {@code family} has a glyph for every character of {@code text}. */
  public static boolean canDisplay(String family, String text) {
    return new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
  }
}
