// The campaign repositories, built together because order recording redeems codes on the sends table.
import type { PrismaClient } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import { createCampaignAudienceRepository } from "./campaign-audience-repository.js";
import { createCampaignOrderRepository } from "./campaign-order-repository.js";
import { createCampaignSendRepository } from "./campaign-send-repository.js";
import { createCampaignSettingsRepository } from "./campaign-settings-repository.js";
import { createCampaignStatsRepository } from "./campaign-stats-repository.js";

export function createCampaignRepositories(pool: PgPool, prisma: PrismaClient) {
  const campaignSends = createCampaignSendRepository(pool);
  return {
    campaignSettings: createCampaignSettingsRepository(prisma),
    campaignSends,
    campaignStats: createCampaignStatsRepository(pool),
    campaignAudience: createCampaignAudienceRepository(pool),
    campaignOrders: createCampaignOrderRepository(pool, campaignSends),
  };
}

export type CampaignRepositories = ReturnType<typeof createCampaignRepositories>;
