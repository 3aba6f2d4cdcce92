// Reads and saves a shop's campaign settings (one JSON document per shop, defaults until the owner saves).
import type { PrismaClient } from "@prisma/client";
import { campaignSettingsOf, type CampaignSettings } from "./campaign-settings.js";

export function createCampaignSettingsRepository(prisma: PrismaClient) {
  return {
    async settingsFor(shopId: number): Promise<CampaignSettings> {
      const row = await prisma.campaignSettings.findUnique({ where: { shopId } });
      return campaignSettingsOf(row?.campaigns);
    },
    async save(shopId: number, settings: CampaignSettings): Promise<CampaignSettings> {
      await prisma.campaignSettings.upsert({
        where: { shopId },
        create: { shopId, campaigns: settings },
        update: { campaigns: settings },
      });
      return settings;
    },
    /** Installed shops with a saved document (a shop that never saved has every campaign off). */
    async shopsWithSettings(shopId?: number) {
      return prisma.campaignSettings.findMany({
        where: { shop: { status: "installed" }, ...(shopId ? { shopId } : {}) },
        include: { shop: { select: { id: true, domain: true, ianaTimezone: true } } },
      });
    },
  };
}

export type CampaignSettingsRepository = ReturnType<typeof createCampaignSettingsRepository>;
