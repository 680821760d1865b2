package cmr.cli;

import picocli.CommandLine;

/**
 * The command line of {@code bin/cmr}: every production command of {@link CmrCli}, plus the lab's
 * commands that never run in production and are not in the cluster jar: {@code demo}, {@code
 * generate}, {@code bench}, {@code dump} and {@code coefficients evaluate}.
 */
public final class ToolsCli {
  private ToolsCli() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (used by tests too). */
  public static int execute(String... args) {
    return CmrCli.execute(commandLine(), args);
  }

  /** The production commands with the lab's added. */
  public static CommandLine commandLine() {
    CommandLine cl = CmrCli.commandLine();
    cl.addSubcommand(new GenerateCommand());
    cl.addSubcommand(new DemoCommand());
    cl.addSubcommand(new BenchCommand());
    cl.addSubcommand(new DumpCommand());
    cl.addSubcommand(new AttributionBenchCommand());
    cl.getSubcommands().get("coefficients").addSubcommand(new EvaluateCommand());
    cl.getSubcommands().get("coefficients").addSubcommand(new TuneCommand());
    return cl;
  }
}
