package cmr.loader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One verified coefficient version, immutable: campaign-level values and the per-channel plan.
 * Built only through {@link #of}, which applies every content check of SPEC §4, so an instance is
 * always safe to bid with. Lookups are hash maps: O(1) per opportunity.
 */
public final class Coefficients {
  /** Tolerance of the weight sum of a campaign (SPEC §4). */
  public static final double WEIGHT_TOLERANCE = 1e-9;

  private final Manifest manifest;
  private final Map<String, CampaignCoefficients> campaigns;
  private final Map<String, Map<String, ChannelCoefficients>> channels;

  private Coefficients(
      Manifest manifest,
      Map<String, CampaignCoefficients> campaigns,
      Map<String, Map<String, ChannelCoefficients>> channels) {
    this.manifest = manifest;
    this.campaigns = Collections.unmodifiableMap(campaigns);
    this.channels = Collections.unmodifiableMap(channels);
  }

  /**
   * Validates and freezes parsed rows: unique keys, every channel row's campaign present, a known
   * channel, 0 < beta < 1, weights summing to 1 (or all 0, and then no planned spend),
   * expected_spend <= budget and equal to the sum of spend_plan (to the cent per row).
   */
  public static Coefficients of(
      Manifest manifest,
      List<CampaignCoefficients> campaignRows,
      List<ChannelCoefficients> channelRows) {
    Map<String, CampaignCoefficients> byId = new HashMap<>(campaignRows.size() * 2);
    for (CampaignCoefficients c : campaignRows) {
      if (byId.put(c.campaignId(), c) != null) {
        throw new CoefficientsException(
            "unique_key", "campaign " + c.campaignId() + " appears twice in campaigns.csv");
      }
    }
    Map<String, Map<String, ChannelCoefficients>> plan = new HashMap<>(byId.size() * 2);
    List<String> orphan = new ArrayList<>();
    List<String> badBeta = new ArrayList<>();
    for (ChannelCoefficients ch : channelRows) {
      if (!byId.containsKey(ch.campaignId())) {
        orphan.add(ch.campaignId());
        continue;
      }
      if (!CoefficientsFormat.CHANNELS_ALLOWED.contains(ch.channel())) {
        throw new CoefficientsException(
            "format", "campaign " + ch.campaignId() + " has unknown channel " + ch.channel());
      }
      if (!(ch.beta() > 0 && ch.beta() < 1) || ch.weight() > 1) {
        badBeta.add(ch.campaignId());
      }
      Map<String, ChannelCoefficients> m =
          plan.computeIfAbsent(ch.campaignId(), k -> new HashMap<>());
      if (m.put(ch.channel(), ch) != null) {
        throw new CoefficientsException(
            "unique_key",
            "campaign "
                + ch.campaignId()
                + " channel "
                + ch.channel()
                + " appears twice in channels.csv");
      }
    }
    fail(
        "channel_without_campaign",
        "channels.csv rows for campaigns absent from campaigns.csv",
        orphan);
    fail("value_range", "beta outside (0, 1) or weight above 1", badBeta);
    List<String> badWeights = new ArrayList<>();
    List<String> overBudget = new ArrayList<>();
    List<String> badTotals = new ArrayList<>();
    for (CampaignCoefficients c : byId.values()) {
      Collection<ChannelCoefficients> rows = plan.getOrDefault(c.campaignId(), Map.of()).values();
      double w = 0;
      double s = 0;
      for (ChannelCoefficients ch : rows) {
        w += ch.weight();
        s += ch.spendPlan();
      }
      boolean allZero = w == 0 && s == 0 && c.expectedSpend() == 0;
      if (!allZero && Math.abs(w - 1) > WEIGHT_TOLERANCE) {
        badWeights.add(c.campaignId());
      }
      if (c.expectedSpend() > c.budget()) {
        overBudget.add(c.campaignId());
      }
      if (Math.abs(s - c.expectedSpend()) > 0.005 * (rows.size() + 1)
          || (c.expectedSpend() == 0) != (c.expectedRoi() == null)) {
        badTotals.add(c.campaignId());
      }
    }
    fail("weights_sum", "weights do not sum to 1 (1e-9) and are not all 0", badWeights);
    fail("expected_spend_le_budget", "expected_spend exceeds budget", overBudget);
    fail(
        "expected_spend_consistent",
        "expected_spend differs from the sum of spend_plan, or expected_roi is empty iff no spend",
        badTotals);
    Map<String, Map<String, ChannelCoefficients>> frozen = new HashMap<>(plan.size() * 2);
    plan.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new Coefficients(manifest, byId, frozen);
  }

  private static void fail(String check, String what, List<String> campaigns) {
    if (!campaigns.isEmpty()) {
      List<String> sorted = new ArrayList<>(new TreeSet<>(campaigns));
      throw new CoefficientsException(
          check,
          what + ": " + sorted.size() + " campaign(s): " + CoefficientsException.names(sorted, 10));
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  public String version() {
    return manifest.version();
  }

  public Optional<CampaignCoefficients> campaign(String campaignId) {
    return Optional.ofNullable(campaigns.get(campaignId));
  }

  /** The plan of one channel; empty means the campaign gets no spend there. */
  public Optional<ChannelCoefficients> channel(String campaignId, String channel) {
    Map<String, ChannelCoefficients> m = channels.get(campaignId);
    return Optional.ofNullable(m == null ? null : m.get(channel));
  }

  /** Every channel row of a campaign (unordered). */
  public Collection<ChannelCoefficients> channels(String campaignId) {
    return channels.getOrDefault(campaignId, Map.of()).values();
  }

  public Map<String, CampaignCoefficients> campaigns() {
    return campaigns;
  }

  public int campaignCount() {
    return campaigns.size();
  }
}
