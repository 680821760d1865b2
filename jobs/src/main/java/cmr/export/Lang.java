package cmr.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The dashboard language: {@code en} or {@code zh-CN}. Picks the right text from a definition node
 * (a plain string, or an object keyed by language with English as the fallback) and holds the few
 * phrases the renderer writes itself.
 */
public record Lang(String code) {
  public static final Lang EN = new Lang("en");
  public static final Lang ZH = new Lang("zh-CN");

  private static final Map<String, String[]> PHRASES =
      Map.ofEntries(
          Map.entry(
              "no_data",
              new String[] {
                "No data yet: gold table(s) %s not found or with other columns.",
                "暂无数据：金层表 %s 尚不存在或列不符。"
              }),
          Map.entry("no_rows", new String[] {"No data yet for %s.", "%s 暂无数据。"}),
          Map.entry("rows_shown", new String[] {"Data: %d of %d rows.", "数据：共 %2$d 行，显示 %1$d 行。"}),
          Map.entry(
              "provisional",
              new String[] {
                "Shaded: %d provisional day(s) from %s to %s (final = false; can still change).",
                "阴影部分：%2$s 至 %3$s 共 %1$d 天为暂定数据（final = false，仍可能变动）。"
              }),
          Map.entry("provisional_band", new String[] {"provisional", "暂定"}),
          Map.entry("mtd", new String[] {" (to date)", "（至今）"}),
          Map.entry("na", new String[] {"n/a", "无"}),
          Map.entry("metric", new String[] {"Metric", "指标"}),
          Map.entry("current", new String[] {"%s (%d days)", "%s（%d 天）"}),
          Map.entry("prev_lfl", new String[] {"%s, same %d days", "%s 同期 %d 天"}),
          Map.entry("prev_whole", new String[] {"%s (whole month)", "%s（整月）"}),
          Map.entry("change", new String[] {"Change", "变化"}),
          Map.entry("change_pct", new String[] {"Change %", "变化率"}),
          Map.entry("sql", new String[] {"SQL (run with cmr sql)", "SQL（用 cmr sql 运行）"}),
          Map.entry(
              "font_fallback",
              new String[] {
                "Simplified Chinese labels were requested but no CJK font was found on this machine; labels are in English. Install fonts-noto-cjk (Debian/Ubuntu) and rerun the export.",
                "未找到中文字体，标签以英文显示。请安装 fonts-noto-cjk 后重新导出。"
              }));

  public boolean chinese() {
    return code.equals(ZH.code);
  }

  /** Text of {@code node} in this language: a string as is, an object by key, English fallback. */
  public String pick(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    JsonNode v = node.get(code);
    if (v == null || v.isNull()) {
      v = node.get(EN.code);
    }
    return v == null ? "" : v.asText();
  }

  /** A renderer phrase formatted with {@code args}. */
  public String say(String key, Object... args) {
    String[] p = PHRASES.get(key);
    if (p == null) {
      throw new IllegalArgumentException("unknown phrase " + key);
    }
    return String.format(chinese() ? p[1] : p[0], args);
  }
}
