package cmr.generate;

import cmr.errors.CmrException;
import cmr.errors.Errors;
import cmr.step.Progress;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code cmr generate}: builds the simulated marketplace from the seed, then writes every arrival
 * day's landing folders (one task per day for the events and one per snapshot, on a small thread
 * pool), the truth files and {@code generation_summary.json}. The landing bytes depend only on the
 * request (scale, dates, seed, dirty rate), never on the number of threads.
 */
public final class SampleDataGenerator {
  /** What was written and how fast. */
  public record Result(long rows, double seconds, Path landing, Path truth, Path summary) {
    public long rowsPerSecond() {
      return Math.round(rows / Math.max(seconds, 1e-3));
    }
  }

  private SampleDataGenerator() {}

  public static Result run(GenerateRequest req, Progress progress) {
    long t0 = System.nanoTime();
    Path landing = req.landing().toAbsolutePath().normalize();
    Path truth = req.truth().toAbsolutePath().normalize();
    check(req, landing, truth);
    prepareLanding(landing, req.overwrite(), progress);

    Marketplace w =
        new Marketplace(req.scale(), req.from(), req.days(), req.seed(), req.lateDays());
    Fmt fmt = new Fmt(w.firstDay, w.lastDay);
    progress.step(
        "generate",
        String.format(
            "%s scale: %,d users, %,d merchants, %,d campaigns "
                + "(%,d whole-site), %s .. %s, seed %d",
            req.scale().name(),
            w.users,
            w.merchants,
            w.campaigns.length,
            req.scale().wholeSite(),
            req.from(),
            req.to(),
            req.seed()));

    Counts total = new Counts(req.days());
    List<Callable<String>> tasks = new ArrayList<>();
    for (int day = w.firstDay; day <= w.lastDay; day++) {
      final int d = day;
      tasks.add(
          () -> {
            Counts c = new Counts(req.days());
            new FactDay(landing, w, fmt, d, c, req.dirtyRate()).run();
            total.add(c);
            return "events " + fmt.date(d);
          });
      tasks.add(
          () -> {
            Counts c = new Counts(req.days());
            Snapshots s = new Snapshots(landing, w, fmt, c, req.dirtyRate());
            StringBuilder what = new StringBuilder();
            if (Snapshots.usersDay(w, d)) {
              s.users(d);
              what.append(" users");
            }
            if (Snapshots.merchantsDay(w, d)) {
              s.merchants(d);
              what.append(" merchants");
            }
            if (Snapshots.campaignsDay(w, d)) {
              s.campaigns(d);
              what.append(" campaigns");
            }
            total.add(c);
            return what.length() == 0 ? null : "snapshots " + fmt.date(d) + ":" + what;
          });
    }
    runAll(tasks, Math.max(1, req.threads()), total, progress, t0);

    double seconds = (System.nanoTime() - t0) / 1e9;
    Path summary = truth.resolve("generation_summary.json");
    try {
      TruthFiles.write(truth, w, fmt);
      GenerationSummary.write(summary, req, w, total, fmt, seconds);
    } catch (IOException e) {
      throw Errors.step(
          "generate", truth.toString(), "cannot write the truth files: " + e.getMessage(), e);
    }
    return new Result(total.totalRows(), seconds, landing, truth, summary);
  }

  private static void runAll(
      List<Callable<String>> tasks, int threads, Counts total, Progress progress, long t0) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "cmr-generate");
              t.setDaemon(true);
              return t;
            });
    try {
      ExecutorCompletionService<String> done = new ExecutorCompletionService<>(pool);
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> t : tasks) {
        futures.add(done.submit(t));
      }
      for (int i = 0; i < tasks.size(); i++) {
        String what = done.take().get();
        if (what != null) {
          long rows;
          synchronized (total) {
            rows = total.totalRows();
          }
          double s = (System.nanoTime() - t0) / 1e9;
          progress.step(
              "generate",
              String.format(
                  "%-40s %,13d rows so far, %,10d rows/s",
                  what, rows, Math.round(rows / Math.max(s, 1e-3))));
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CmrException ce) {
        throw ce;
      }
      throw Errors.wrap("generate", "landing", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.step("generate", "landing", "interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void check(GenerateRequest req, Path landing, Path truth) {
    if (req.days() < 1) {
      throw Errors.usage("--days " + req.days(), "no day to generate", "give --days 1 or more");
    }
    if (truth.startsWith(landing)) {
      throw Errors.usage(
          "--truth " + truth,
          "the truth folder is inside the landing zone "
              + landing
              + ", where ingestion (and the trainer) could read it",
          "put the truth folder outside the landing zone (default: cmr.paths.truth)");
    }
    if (landing.startsWith(truth)) {
      throw Errors.usage(
          "--landing " + landing,
          "the landing zone is inside the truth folder",
          "use separate folders for landing and truth");
    }
    if (req.dirtyRate() < 0 || req.dirtyRate() > 0.04) {
      throw Errors.usage(
          "--dirty-rate " + req.dirtyRate(),
          "out of range",
          "use a share between 0 and 0.04 (ingestion fails a source above 5% rejects)");
    }
  }

  /** Refuses a non-empty landing folder unless overwrite; then removes only the six sources. */
  static void prepareLanding(Path landing, boolean overwrite, Progress progress) {
    try {
      if (Files.isDirectory(landing)) {
        boolean empty;
        try (Stream<Path> s = Files.list(landing)) {
          empty = s.findAny().isEmpty();
        }
        if (!empty) {
          if (!overwrite) {
            throw Errors.usage(
                "--landing " + landing,
                "the landing folder is not empty",
                "pass --overwrite to replace the generated sources there, or choose an empty folder");
          }
          for (Source s : Source.values()) {
            Path dir = landing.resolve(s.dir());
            if (Files.exists(dir)) {
              progress.step("generate", "removing " + dir + " (--overwrite)");
              deleteTree(dir);
            }
          }
        }
      }
      Files.createDirectories(landing);
    } catch (IOException e) {
      throw Errors.step(
          "generate",
          landing.toString(),
          "cannot prepare the landing folder: " + e.getMessage(),
          e);
    }
  }

  /** Deletes a folder and everything below it. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
