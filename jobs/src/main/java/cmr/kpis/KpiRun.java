package cmr.kpis;

import cmr.ops.RunCalendar;
import cmr.pipeline.RunContext;
import cmr.pipeline.StepResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Date;
import java.time.LocalDate;

import static org.apache.spark.sql.functions.col;

/**
 * One KPI run for a date: the run calendar ({@link RunCalendar}, from {@code ops/job_runs}), the state tables for the
 * late window, then the gold tables. Rows in = silver fact rows in the recomputed event dates;
 * rows out = gold rows written.
 */
public final class KpiRun {
  private KpiRun() {}

  public static StepResult run(RunContext ctx, String stepName) {
    RunCalendar runs = RunCalendar.of(ctx);
    KpiCalendar cal = KpiCalendar.of(ctx.runDate(), ctx.recomputeFrom(), runs.firstRunDate(),
        runs.latestRunDate(), ctx.cfg().ingest().lateDays());
    ctx.progress().step(stepName, "event dates " + cal.stateFrom() + ".." + cal.runDate()
        + ", reported from " + cal.goldFrom() + ", months " + cal.monthKeys());

    KpiInputs.registerFacts(ctx);
    long rowsIn = factRows(ctx, cal);
    KpiState.update(ctx, cal);
    KpiInputs.registerMerchants(ctx, cal);
    KpiInputs.registerUsers(ctx, cal);
    long daily = KpiGold.writeDaily(ctx, cal);
    long monthly = KpiGold.writeMonthly(ctx, cal);
    String detail = String.format("dates %s..%s, months %s, first run %s, latest %s",
        cal.goldFrom(), cal.runDate(), cal.monthKeys(), cal.first(), cal.latest());
    return StepResult.of(rowsIn, daily + monthly, detail);
  }

  private static long factRows(RunContext ctx, KpiCalendar cal) {
    long n = 0;
    for (String fact : new String[] {"orders", "ad_events", "user_activity"}) {
      Dataset<Row> t = ctx.spark().table(fact);
      n += t.where(col("event_date").between(Date.valueOf(cal.stateFrom()), Date.valueOf(cal.runDate())))
          .count();
    }
    return n;
  }
}
