// GET /api/nps: the shop's Net Promoter Score for a period, for the dashboard.
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import type { NpsResponseRepository } from "../../domain/nps/nps-response-repository.js";
import { npsPeriodSchema, npsReport } from "../../domain/nps/nps-report.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function npsRoutes(deps: { shopify: Shopify; shops: ShopRepository; responses: NpsResponseRepository }) {
  const router = Router();
  router.use("/api/nps", requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/nps", async (req, res) => {
    const parsed = npsPeriodSchema.safeParse(req.query);
    if (!parsed.success) {
      throw new AppError("unprocessable", "The period needs fixing", { fields: fieldErrors(parsed.error) });
    }
    res.json(await npsReport(deps.responses, sessionOf(res).shop, parsed.data, new Date()));
  });
  return router;
}
