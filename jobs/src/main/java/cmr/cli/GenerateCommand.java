package cmr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generates seeded sample data in the landing layout (and a truth file).")
public final class GenerateCommand implements Runnable {
  @Mixin
  CommonOptions common;

  @Override
  public void run() {
    throw cmr.errors.Errors.usage("generate", "not implemented yet", "coming with the generator");
  }
}
