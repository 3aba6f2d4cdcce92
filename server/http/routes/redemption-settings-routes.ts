// GET and PUT /api/settings/redemption: points-to-money rate, minimum, code validity and expiry, per field.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import type { RedemptionRepository } from "../../domain/loyalty/redemption-repository.js";
import { redemptionSettingsSchema } from "../../domain/loyalty/redemption-settings.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function redemptionSettingsRoutes(deps: {
  shopify: Shopify;
  shops: ShopRepository;
  redemptions: RedemptionRepository;
}): Router {
  const router = Router();
  router.use("/api/settings/redemption", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/settings/redemption", async (_req, res) => {
    res.json({ settings: await deps.redemptions.settingsFor(sessionOf(res).shop.id) });
  });
  router.put("/api/settings/redemption", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = redemptionSettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json({ settings: await deps.redemptions.saveSettings(sessionOf(res).shop.id, parsed.data) });
  });
  return router;
}
