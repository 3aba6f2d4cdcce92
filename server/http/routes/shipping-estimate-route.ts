// POST /api/shipping/estimate: the admin's calculator asks when an order placed at a given time would arrive.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import { fieldErrors } from "../../domain/coupons/coupon-settings.js";
import type { ShippingEstimates } from "../../domain/shipping/shipping-estimates.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

const estimateRequestSchema = z.object({
  orderedAt: z.iso.datetime({ offset: true, message: "Use a date and time such as 2026-12-01T13:30:00+07:00" }),
  countryCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter country code such as US or ID")
    .nullable()
    .optional(),
  shippingMethod: z.string().max(120, "At most 120 characters").nullable().optional(),
});

export function shippingEstimateRoute(deps: { shopify: Shopify; shops: ShopRepository; shipping: ShippingEstimates }) {
  const router = Router();
  router.post(
    "/api/shipping/estimate",
    requireSessionToken(deps.shopify, deps.shops),
    express.json({ limit: "16kb" }),
    async (req, res) => {
      const parsed = estimateRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        throw new AppError("unprocessable", "The estimate needs fixing", { fields: fieldErrors(parsed.error) });
      }
      const { orderedAt, ...destination } = parsed.data;
      const estimate = await deps.shipping.explainOrder(sessionOf(res).shop.id, {
        createdAt: orderedAt,
        ...destination,
      });
      res.json(estimate);
    },
  );
  return router;
}
