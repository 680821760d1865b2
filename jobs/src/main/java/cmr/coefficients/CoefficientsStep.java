package cmr.coefficients;

import cmr.step.RunContext;
import cmr.step.Step;
import cmr.step.StepResult;
import java.util.List;

/**
 * Retrains the allocation coefficients and publishes them for the bidder (SPEC §4), for the run
 * date (a backfill's last date); skipped when the run does not train (tests); {@code --no-publish}
 * trains and records the history only; {@code --force-publish} overrides the drift check. A refused
 * publication fails this step only.
 */
public final class CoefficientsStep implements Step {
  @Override
  public String name() {
    return "coefficients";
  }

  @Override
  public List<String> dependsOn() {
    return List.of("attribution");
  }

  @Override
  public List<String> reads() {
    return List.of("gold/campaign_channel_daily", "silver/campaigns", "silver/merchants");
  }

  @Override
  public List<String> writes() {
    return List.of("gold/" + HistoryRows.TABLE, "published/coefficients");
  }

  @Override
  public StepResult run(RunContext ctx) {
    if (!ctx.options().trainAndExport()) {
      return StepResult.skipped("this run does not train or publish (trainAndExport off)");
    }
    TrainCoefficients.Result t =
        new TrainCoefficients(ctx.spark(), ctx.wh(), ModelSettings.from(ctx.cfg().coefficients()))
            .trainAndRecord(ctx.runDate(), ctx.progress());
    String trained =
        String.format(
            "trained %d campaigns (%d cold_start, %d no_history, %d funded)",
            t.campaigns(), t.coldStart(), t.noHistory(), t.funded());
    ctx.progress().step(name(), trained);
    if (t.campaigns() == 0) {
      // No active whole-site promotion campaign: nothing for the bidder; the live version stays.
      return StepResult.of(
          0,
          0,
          trained
              + "; nothing to publish (no active quanzhantui campaign), "
              + "the live version is unchanged");
    }
    if (ctx.options().noPublish()) {
      return StepResult.of(
          t.campaigns(), t.campaigns(), trained + "; not published (--no-publish)");
    }
    PublishCoefficients.Result p =
        new PublishCoefficients(
                ctx.spark(),
                ctx.wh(),
                ctx.cfg().coefficients(),
                ctx.cfg().paths().publishedFolder(),
                ctx.cfg().publication().readerGrace())
            .publish(ctx.runDate(), ctx.options().forcePublish());
    return StepResult.of(t.campaigns(), t.campaigns(), trained + "; " + p.detail());
  }
}
