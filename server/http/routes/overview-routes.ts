// GET /api/shop and /api/overview: the shop the admin acts for, and Home's checklist and figures for this month.
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import { hasCouponSettings, readMonthFigures } from "../../domain/activity/month-figures.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

export function overviewRoutes(deps: { shopify: Shopify; shops: ShopRepository; prisma: PrismaClient }): Router {
  const router = Router();
  router.use(["/api/shop", "/api/overview"], requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/shop", (_req, res) => {
    const { shop } = sessionOf(res);
    res.json({
      shop: {
        domain: shop.domain,
        name: shop.name,
        currencyCode: shop.currencyCode ?? "USD",
        ianaTimezone: shop.ianaTimezone,
      },
    });
  });
  router.get("/api/overview", async (_req, res) => {
    const { shop } = sessionOf(res);
    // "This month" is the shop's calendar month, in its own time zone.
    const since = DateTime.now()
      .setZone(shop.ianaTimezone ?? "UTC")
      .startOf("month")
      .toJSDate();
    const [month, coupons] = await Promise.all([
      readMonthFigures(deps.prisma, shop, since),
      hasCouponSettings(deps.prisma, shop.id),
    ]);
    res.json({ month, setup: { coupons } });
  });
  return router;
}
