// Per campaign: emails sent, its codes redeemed and the revenue of the redeeming orders (every campaign listed).
import { campaignNames, type CampaignName } from "./campaign-settings.js";
import type { CampaignStatsRow } from "./campaign-stats-repository.js";

export interface CampaignStats {
  campaign: CampaignName;
  sends: number;
  redemptions: number;
  revenue: string;
}

export function campaignStats(rows: readonly CampaignStatsRow[]): CampaignStats[] {
  const byName = new Map(rows.map((row) => [row.campaign, row]));
  return campaignNames.map((campaign) => {
    const row = byName.get(campaign);
    return { campaign, sends: row?.sends ?? 0, redemptions: row?.redemptions ?? 0, revenue: row?.revenue ?? "0.00" };
  });
}
