package cmr.cli;

import cmr.config.CmrConfig;
import cmr.ops.StatusReport;
import cmr.spark.SparkSessions;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the warehouse's state: the last runs with each step's status, duration and rows; the "
          + "dates never run, or failed and not rerun; each source's last arrival day and its rows "
          + "against the trailing median; the live coefficient version and the latest export; the "
          + "writer lock.",
      "Exit code 0 when nothing needs attention, 1 when something does (a scheduler can alert on "
          + "it). A reader: it never takes the writer lock."
    })
public final class StatusCommand implements Callable<Integer> {
  /** Exit code when something needs attention. */
  public static final int ATTENTION = 1;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First date of the range checked for gaps (default: the first date run).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Last date of the range checked for gaps (default: the latest date run).")
  LocalDate to;

  @Option(names = "--runs", paramLabel = "N", description = "How many runs to list (default 5).")
  int runs = 5;

  @Option(names = "--json", description = "Print the report as JSON, for scripts.")
  boolean json;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    CmrConfig cfg = common.config();
    StatusReport r = StatusReport.build(SparkSessions.getOrCreate(cfg), cfg, from, to, runs);
    System.out.print(json ? r.json() + "\n" : r.text());
    return r.attention().isEmpty() ? 0 : ATTENTION;
  }
}
