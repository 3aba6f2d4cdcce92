// Narrows a campaign's candidates to its audience: listed tiers and RFM segments (empty lists mean everyone).
import { segmentOf, type SegmentName } from "../analytics/rfm-segments.js";
import type { CampaignAudienceRepository, CampaignCandidate } from "./campaign-audience-repository.js";
import type { CampaignTarget } from "./campaign-settings.js";

export function inTiers(candidate: Pick<CampaignCandidate, "tier">, tiers: readonly string[]): boolean {
  if (tiers.length === 0) return true;
  const tier = candidate.tier?.toLowerCase();
  return tier !== undefined && tiers.some((name) => name.toLowerCase() === tier);
}

/** A customer without a counted order in the last 365 days has no scores: they are "lost" for targeting. */
export async function targetCandidates(
  audience: Pick<CampaignAudienceRepository, "rfmScores">,
  shopId: number,
  now: Date,
  target: CampaignTarget,
  candidates: CampaignCandidate[],
): Promise<CampaignCandidate[]> {
  const byTier = candidates.filter((candidate) => inTiers(candidate, target.tiers));
  if (target.segments.length === 0 || byTier.length === 0) return byTier;
  const scores = await audience.rfmScores(
    shopId,
    now,
    byTier.map((candidate) => candidate.customerId),
  );
  const wanted = new Set<SegmentName>(target.segments);
  return byTier.filter((candidate) => {
    const score = scores.get(candidate.customerId);
    const segment = score ? segmentOf(score.recency, score.frequency, score.monetary) : "lost";
    return wanted.has(segment);
  });
}
