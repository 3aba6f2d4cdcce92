// GET and PUT /api/settings/loyalty: the owner's earning rules, return window and tiers, validated field by field.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { loyaltySettingsSchema } from "../../domain/loyalty/loyalty-settings.js";
import type { LoyaltySettingsRepository } from "../../domain/loyalty/loyalty-settings-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function loyaltySettingsRoutes(deps: {
  shopify: Shopify;
  shops: ShopRepository;
  loyaltySettings: LoyaltySettingsRepository;
}) {
  const router = Router();
  router.use("/api/settings/loyalty", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/settings/loyalty", async (_req, res) => {
    res.json({ settings: await deps.loyaltySettings.settingsFor(sessionOf(res).shop.id) });
  });
  router.put("/api/settings/loyalty", express.json({ limit: "64kb" }), async (req, res) => {
    const parsed = loyaltySettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json({ settings: await deps.loyaltySettings.saveSettings(sessionOf(res).shop.id, parsed.data) });
  });
  return router;
}
