// GET and PUT /api/settings/emails: each kind on or off with its delay, the sender, reply-to and brand.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import { emailSettingsSchema } from "../../domain/emails/email-settings.js";
import type { EmailSettingsRepository } from "../../domain/emails/email-settings-repository.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function emailSettingsRoutes(deps: {
  shopify: Shopify;
  shops: ShopRepository;
  settings: EmailSettingsRepository;
}) {
  const router = Router();
  router.use("/api/settings/emails", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/settings/emails", async (_req, res) => {
    res.set("Cache-Control", "no-store").json({ settings: await deps.settings.settingsFor(sessionOf(res).shop.id) });
  });
  router.put("/api/settings/emails", express.json({ limit: "64kb" }), async (req, res) => {
    const parsed = emailSettingsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError("unprocessable", "Some settings need fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json({ settings: await deps.settings.save(sessionOf(res).shop.id, parsed.data) });
  });
  return router;
}
