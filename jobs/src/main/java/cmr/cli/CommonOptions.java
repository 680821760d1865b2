package cmr.cli;

import cmr.config.CmrConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where the data is and how to override config. */
public final class CommonOptions {
  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description = "Landing zone root (default: cmr.paths.landing in conf/application.conf).")
  String landing;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Warehouse root holding the Delta tables (default: cmr.paths.warehouse).")
  String warehouse;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "A HOCON file whose keys override the packaged defaults.")
  Path conf;

  @Option(
      names = "-D",
      paramLabel = "KEY=VALUE",
      mapFallbackValue = "",
      description = "Override one config key, e.g. -Dingest.late_days=5 (highest precedence).")
  Map<String, String> overrides = new LinkedHashMap<>();

  public CmrConfig config() {
    return CmrConfig.load(conf, overrides).withPaths(landing, warehouse);
  }
}
