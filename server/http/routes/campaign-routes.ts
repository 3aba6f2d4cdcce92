// GET/PUT /api/campaigns (each campaign's switch, timing, offer and audience) and GET /api/campaigns/stats.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { campaignSettingsSchema } from "../../domain/campaigns/campaign-settings.js";
import type { CampaignSettingsRepository } from "../../domain/campaigns/campaign-settings-repository.js";
import { campaignStats } from "../../domain/campaigns/campaign-stats.js";
import type { CampaignStatsRepository } from "../../domain/campaigns/campaign-stats-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export interface CampaignRouteDeps {
  shopify: Shopify;
  shops: ShopRepository;
  campaignSettings: CampaignSettingsRepository;
  campaignStats: CampaignStatsRepository;
}

export function campaignRoutes(deps: CampaignRouteDeps) {
  const router = Router();
  router.use("/api/campaigns", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/campaigns", async (_req, res) => {
    res.json({ settings: await deps.campaignSettings.settingsFor(sessionOf(res).shop.id) });
  });
  router.put("/api/campaigns", express.json({ limit: "256kb" }), async (req, res) => {
    const parsed = campaignSettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some campaign settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json({ settings: await deps.campaignSettings.save(sessionOf(res).shop.id, parsed.data) });
  });
  router.get("/api/campaigns/stats", async (_req, res) => {
    const shop = sessionOf(res).shop;
    res.json({
      campaigns: campaignStats(await deps.campaignStats.stats(shop.id)),
      currencyCode: shop.currencyCode ?? null,
    });
  });
  return router;
}
