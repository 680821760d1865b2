package cmr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generates the small sample (about 40 days), backfills every date, and prints "
        + "where the outputs are.")
public final class DemoCommand implements Runnable {
  @Mixin
  CommonOptions common;

  @Override
  public void run() {
    throw cmr.errors.Errors.usage("demo", "not implemented yet", "coming with the generator");
  }
}
