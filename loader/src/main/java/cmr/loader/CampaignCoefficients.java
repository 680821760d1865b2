package cmr.loader;

/**
 * One row of {@code campaigns.csv}. The bidder bids {@code bidMultiplier * predictedGmv} for an
 * opportunity of this campaign; 0 means "do not bid" (the plan spends nothing).
 *
 * @param expectedRoi null when the plan spends nothing (a ratio over 0 is not a number)
 * @param status {@code ok}, {@code cold_start} or {@code no_history}
 */
public record CampaignCoefficients(
    String campaignId,
    String merchantId,
    double budget,
    double targetRoi,
    double bidMultiplier,
    double expectedSpend,
    double expectedGmv,
    Double expectedRoi,
    String status) {}
