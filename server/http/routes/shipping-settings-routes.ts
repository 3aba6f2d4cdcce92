// GET and PUT /api/settings/shipping: cut-off, processing days, working days, holidays and transit rows, per field.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { shippingSettingsSchema } from "../../domain/shipping/shipping-settings.js";
import type { ShippingSettingsRepository } from "../../domain/shipping/shipping-settings-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function shippingSettingsRoutes(deps: {
  shopify: Shopify;
  shops: ShopRepository;
  shippingSettings: ShippingSettingsRepository;
}) {
  const router = Router();
  const auth = requireSessionToken(deps.shopify, deps.shops);
  router.get("/api/settings/shipping", auth, async (_req, res) => {
    res.json({ settings: await deps.shippingSettings.settingsFor(sessionOf(res).shop.id) });
  });
  router.put("/api/settings/shipping", auth, express.json({ limit: "256kb" }), async (req, res) => {
    const parsed = shippingSettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    const shopId = sessionOf(res).shop.id;
    // An admin that does not know the transit-days switch leaves it as it was.
    const transitOnWorkingDaysOnly =
      parsed.data.transitOnWorkingDaysOnly ??
      (await deps.shippingSettings.settingsFor(shopId)).transitOnWorkingDaysOnly;
    res.json({
      settings: await deps.shippingSettings.saveSettings(shopId, { ...parsed.data, transitOnWorkingDaysOnly }),
    });
  });
  return router;
}
