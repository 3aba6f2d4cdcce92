// Reads and saves a shop's loyalty settings; a shop without a row gets the defaults.
import type { LoyaltySettings, PrismaClient } from "@prisma/client";
import { defaultLoyaltySettings, tierSchema, type LoyaltySettingsInput } from "./loyalty-settings.js";

function toInput(row: LoyaltySettings): LoyaltySettingsInput {
  const tiers = tierSchema.array().safeParse(row.tiers);
  return {
    enabled: row.enabled,
    pointsPerCurrencyUnit: row.pointsPerCurrencyUnit.toString(),
    includeShipping: row.includeShipping,
    includeTax: row.includeTax,
    firstOrderBonus: row.firstOrderBonus,
    signupPoints: row.signupPoints,
    birthdayPoints: row.birthdayPoints,
    milestoneEvery: row.milestoneEvery,
    milestonePoints: row.milestonePoints,
    milestoneReward: row.milestoneReward === "coupon" ? "coupon" : "points",
    milestoneCouponKind: row.milestoneCouponKind,
    milestoneCouponValue: row.milestoneCouponValue.toString(),
    milestoneCouponValidityDays: row.milestoneCouponValidityDays,
    referralPoints: row.referralPoints,
    returnWindowDays: row.returnWindowDays,
    tierBasis: row.tierBasis,
    tiers: tiers.success ? tiers.data : defaultLoyaltySettings.tiers,
  };
}

/** How long a worker trusts settings it read: an owner's change reaches every worker within seconds. */
const cacheMs = 2000;

export function createLoyaltySettingsRepository(prisma: PrismaClient) {
  const cache = new Map<number, { settings: LoyaltySettingsInput; until: number }>();
  return {
    async settingsFor(shopId: number): Promise<LoyaltySettingsInput> {
      const row = await prisma.loyaltySettings.findUnique({ where: { shopId } });
      return row ? toInput(row) : defaultLoyaltySettings;
    },
    /** For the per-job path: one read per shop every couple of seconds. */
    async settingsForCached(shopId: number, now = Date.now()): Promise<LoyaltySettingsInput> {
      const hit = cache.get(shopId);
      if (hit && hit.until > now) return hit.settings;
      const settings = await this.settingsFor(shopId);
      cache.set(shopId, { settings, until: now + cacheMs });
      return settings;
    },
    async saveSettings(shopId: number, settings: LoyaltySettingsInput): Promise<LoyaltySettingsInput> {
      cache.delete(shopId);
      const row = await prisma.loyaltySettings.upsert({
        where: { shopId },
        create: { shopId, ...settings },
        update: settings,
      });
      return toInput(row);
    },
  };
}

export type LoyaltySettingsRepository = ReturnType<typeof createLoyaltySettingsRepository>;
