package cmr.cli;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cmr} command line. Exit codes: 0 success, 1 {@code status} found something that needs
 * attention, 2 usage or configuration (also a gap of never-ingested days), 3 input data, 4
 * publication refused, 5 another step failure, 6 another writer holds the warehouse lock, 7 a fact
 * source's delivery is missing or short (when configured to fail). On failure one line goes to
 * stderr naming the step, the input and the reason; the stack trace goes to the log only.
 */
@Command(
    name = "cmr",
    mixinStandardHelpOptions = true,
    version = "cmr 0.1.0",
    description =
        "Nightly CMR analytics on Spark and Delta Lake: ingest, metrics, coefficients, dashboards.",
    subcommands = {
      NightlyCommand.class,
      BackfillCommand.class,
      IngestCommand.class,
      SqlCommand.class,
      StatusCommand.class,
      MaintainCommand.class,
      QuarantineCommand.class,
      CoefficientsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CmrCli implements Runnable {
  /**
   * Failures with stack traces go to the log file only (logger cmr.trace, conf/log4j2.properties).
   */
  private static final Logger LOG = LogManager.getLogger("cmr.trace");

  /** This command as picocli built it, with the subcommands added at run time (ToolsCli). */
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (used by tests too). */
  public static int execute(String... args) {
    return execute(commandLine(), args);
  }

  /** The production commands; the tools module adds its own (demo, generate, bench, evaluate). */
  public static CommandLine commandLine() {
    return new CommandLine(new CmrCli());
  }

  /** Runs {@code cl} with the error handling and exit codes of the command line. */
  public static int execute(CommandLine cl, String... args) {
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          CmrException ce =
              ex instanceof CmrException c ? c : Errors.wrap(line.getCommandName(), "command", ex);
          LOG.error(ce.oneLine(), ex);
          System.err.println(ce.oneLine());
          return ce.exitCode();
        });
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          System.err.println("cmr: usage: " + ex.getMessage());
          ex.getCommandLine().usage(System.err);
          return Errors.USAGE;
        });
    return cl.execute(args);
  }
}
