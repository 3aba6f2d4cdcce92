// GET and PUT /api/settings/loyalty: one document for earning rules, return window, tiers and spending points.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { createLoyaltyDocument, loyaltyDocumentSchema } from "../../domain/loyalty/loyalty-document.js";
import type { LoyaltySettingsRepository } from "../../domain/loyalty/loyalty-settings-repository.js";
import type { RedemptionRepository } from "../../domain/loyalty/redemption-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function loyaltySettingsRoutes(deps: {
  shopify: Shopify;
  shops: ShopRepository;
  loyaltySettings: LoyaltySettingsRepository;
  redemptions: RedemptionRepository;
}) {
  const router = Router();
  const document = createLoyaltyDocument(deps);
  router.use("/api/settings/loyalty", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/settings/loyalty", async (_req, res) => {
    res.json({ settings: await document.read(sessionOf(res).shop.id) });
  });
  router.put("/api/settings/loyalty", express.json({ limit: "64kb" }), async (req, res) => {
    const parsed = loyaltyDocumentSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json({ settings: await document.save(sessionOf(res).shop.id, parsed.data) });
  });
  return router;
}
