package cmr.loader;

/**
 * One row of {@code channels.csv}: the plan of campaign {@code campaignId} in {@code channel}.
 *
 * @param weight share of the campaign's planned spend in this channel (0..1)
 * @param spendPlan CNY per day the bidder paces this channel towards
 * @param alpha response curve level: expected GMV per day = alpha * spend^beta
 * @param beta response curve elasticity, 0 < beta < 1
 * @param daysObserved days with spend > 0 in the training window
 */
public record ChannelCoefficients(
    String campaignId,
    String channel,
    double weight,
    double spendPlan,
    double alpha,
    double beta,
    int daysObserved) {

  /** Expected attributed GMV per day at {@code spend} according to the fitted curve. */
  public double expectedGmv(double spend) {
    return spend <= 0 ? 0 : alpha * Math.pow(spend, beta);
  }
}
