package cmr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Runs Spark SQL against the warehouse with every gold table registered by name.")
public final class SqlCommand implements Runnable {
  @Mixin
  CommonOptions common;

  @Override
  public void run() {
    throw cmr.errors.Errors.usage("sql", "not implemented yet", "coming with the dashboards");
  }
}
