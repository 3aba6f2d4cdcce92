// Lifecycle campaigns as GET/PUT /api/campaigns carries them, and GET /api/campaigns/stats.
import type { SegmentName } from "./analytics-types";

export const campaignNames = ["winback", "birthday", "anniversary", "replenishment", "expiring_coupon"] as const;
export type CampaignName = (typeof campaignNames)[number];

export type CampaignOffer =
  | { type: "none" }
  | { type: "coupon"; kind: "percentage" | "fixed_amount" | "free_shipping"; value: string; validityDays: number }
  | { type: "points"; points: number };

export interface CampaignTarget {
  tiers: string[];
  segments: SegmentName[];
}

export interface ReplenishmentProduct {
  productId: string;
  variantId: string | null;
  title: string | null;
  days: number;
}

export interface CampaignSettings {
  winback: { enabled: boolean; days: number; offer: CampaignOffer; target: CampaignTarget };
  birthday: { enabled: boolean; window: "week" | "month"; offer: CampaignOffer; target: CampaignTarget };
  anniversary: { enabled: boolean; offer: CampaignOffer; target: CampaignTarget };
  replenishment: { enabled: boolean; products: ReplenishmentProduct[]; offer: CampaignOffer; target: CampaignTarget };
  expiring_coupon: { enabled: boolean; days: number };
}

export interface CampaignStats {
  campaign: CampaignName;
  sends: number;
  redemptions: number;
  revenue: string;
}

export interface CampaignStatsAnswer {
  campaigns: CampaignStats[];
  currencyCode: string | null;
}
