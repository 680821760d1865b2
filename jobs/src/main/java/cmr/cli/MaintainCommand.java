package cmr.cli;

import cmr.config.CmrConfig;
import cmr.ops.Maintenance;
import cmr.spark.SparkSessions;
import cmr.step.Progress;
import cmr.warehouse.WarehouseLock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Compacts the small files of every Delta table (OPTIMIZE) and deletes the files no version "
          + "younger than operations.vacuum_retention (default 30 days) references (VACUUM). "
          + "Prints each table's files and bytes, live and on disk, before and after.",
      "Safe beside readers (OPTIMIZE commits a version with the same rows; VACUUM keeps every "
          + "retained version's files); takes the writer lock, so it never runs beside a nightly. "
          + "Run it weekly (docs/operations.md)."
    })
public final class MaintainCommand implements Runnable {
  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "LAYER/NAME[,...]",
      description = "Only these tables, e.g. gold/daily_kpis,silver/orders (default: every table).")
  List<String> tables = List.of();

  @Option(names = "--vacuum-only", description = "VACUUM without compacting first.")
  boolean vacuumOnly;

  @Mixin CommonOptions common;

  @Override
  public void run() {
    CmrConfig cfg = common.config();
    try (WarehouseLock lock = common.lockWarehouse(cfg)) {
      Maintenance m = new Maintenance(SparkSessions.getOrCreate(cfg), cfg);
      List<Maintenance.TableResult> r = m.run(tables, vacuumOnly, Progress.stdout());
      long lb = 0;
      long la = 0;
      long db = 0;
      long da = 0;
      for (Maintenance.TableResult t : r) {
        lb += t.before().liveFiles();
        la += t.after().liveFiles();
        db += t.before().diskFiles();
        da += t.after().diskFiles();
      }
      System.out.printf(
          "maintained %d tables: live files %,d -> %,d, files on disk %,d -> %,d"
              + " (vacuum retention %s)%n",
          r.size(), lb, la, db, da, cfg.operations().vacuumRetention().toHours() / 24 + " days");
    }
  }
}
