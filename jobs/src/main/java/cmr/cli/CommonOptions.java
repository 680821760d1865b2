package cmr.cli;

import cmr.config.CmrConfig;
import cmr.warehouse.WarehouseLock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  public CmrConfig config() {
    return CmrConfig.load(conf, overrides).withPaths(landing, warehouse);
  }

  /**
   * Takes the warehouse's writer lock for this command (every command that writes does, readers
   * never), or fails at once with exit code 6 naming the holder. Close it when the work is done.
   */
  public WarehouseLock lockWarehouse(CmrConfig cfg) {
    String args =
        command == null || command.commandLine() == null
            ? ""
            : String.join(" ", command.commandLine().getParseResult().originalArgs());
    return WarehouseLock.acquire(
        cfg.paths().warehouse(),
        ("cmr " + args).strip(),
        cfg.operations().lockStaleAfter(),
        cfg.operations().lockHeartbeat(),
        cfg.hadoopSettings());
  }
}
