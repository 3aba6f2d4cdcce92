// GET and PUT /api/settings/coupons: the owner's thank-you coupon settings, validated field by field.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import type { CouponRepository } from "../../domain/coupons/coupon-repository.js";
import { couponSettingsSchema, fieldErrors } from "../../domain/coupons/coupon-settings.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function couponSettingsRoutes(deps: { shopify: Shopify; shops: ShopRepository; coupons: CouponRepository }) {
  const router = Router();
  router.use("/api/settings", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/settings/coupons", async (_req, res) => {
    res.json({ settings: await deps.coupons.settingsFor(sessionOf(res).shop.id) });
  });
  router.put("/api/settings/coupons", express.json({ limit: "64kb" }), async (req, res) => {
    const parsed = couponSettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json({ settings: await deps.coupons.saveSettings(sessionOf(res).shop.id, parsed.data) });
  });
  return router;
}
