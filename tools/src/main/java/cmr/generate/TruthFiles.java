package cmr.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The truth of the whole-site promotion campaigns, for the evaluation only (never under the landing
 * zone; the trainer must not read it), in the format of docs/architecture.md: {@code
 * response_curves.csv} (campaign_id, merchant_id, channel, gmax, half_saturation, hill: expected
 * attributed GMV per day of spending s CNY in the channel is gmax * s^hill / (half_saturation^hill
 * + s^hill); a channel not listed has no response) and {@code campaigns.csv} (campaign_id,
 * merchant_id, item_id, daily_budget, target_roi, start_date, end_date; empty end_date when
 * open-ended).
 */
final class TruthFiles {
  private TruthFiles() {}

  static void write(Path truth, Marketplace w, Fmt fmt) throws IOException {
    Files.createDirectories(truth);
    try (BufferedWriter out =
        Files.newBufferedWriter(truth.resolve("response_curves.csv"), StandardCharsets.UTF_8)) {
      out.write("campaign_id,merchant_id,channel,gmax,half_saturation,hill\n");
      for (Campaign c : w.campaigns) {
        if (!c.wholeSite()) {
          continue;
        }
        for (int i = 0; i < c.channels.length; i++) {
          out.write(
              c.id
                  + ","
                  + w.merchantIds[c.merchant]
                  + ","
                  + Marketplace.CHANNELS[c.channels[i]]
                  + ","
                  + Fmt.decimal(c.gmax[i], 4)
                  + ","
                  + Fmt.decimal(c.halfSaturation[i], 4)
                  + ","
                  + Fmt.decimal(c.hill[i], 6)
                  + "\n");
        }
      }
    }
    try (BufferedWriter out =
        Files.newBufferedWriter(truth.resolve("campaigns.csv"), StandardCharsets.UTF_8)) {
      out.write("campaign_id,merchant_id,item_id,daily_budget,target_roi,start_date,end_date\n");
      for (Campaign c : w.campaigns) {
        if (!c.wholeSite()) {
          continue;
        }
        out.write(
            c.id
                + ","
                + w.merchantIds[c.merchant]
                + ","
                + w.itemIds[c.merchant][c.item]
                + ","
                + Fmt.money(c.budgetCents)
                + ","
                + Fmt.decimal(c.targetRoi, 2)
                + ","
                + fmt.date(c.startDay)
                + ","
                + (c.endDay == Integer.MAX_VALUE ? "" : fmt.date(c.endDay))
                + "\n");
      }
    }
  }
}
