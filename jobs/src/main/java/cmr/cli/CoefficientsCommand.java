package cmr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "coefficients", mixinStandardHelpOptions = true,
    description = "Train, publish, list, roll back and evaluate the bidder's allocation coefficients.")
public final class CoefficientsCommand implements Runnable {
  @Mixin
  CommonOptions common;

  @Override
  public void run() {
    throw cmr.errors.Errors.usage("coefficients", "not implemented yet", "coming with the trainer");
  }
}
