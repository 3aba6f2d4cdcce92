// GET /api/checkout/coupon: the thank-you and order-status extension asks for the order's coupon and delivery window.
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { ForeignOrderError, type CheckoutCouponService } from "../../domain/coupons/checkout-coupon-service.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

/** Checkout's order id is gid://shopify/OrderIdentity/N on the thank-you page, gid://shopify/Order/N after. */
const orderIdSchema = z
  .string()
  .regex(/^(gid:\/\/shopify\/(OrderIdentity|Order)\/)?\d{1,20}$/, "orderId must be an order gid or number")
  .transform((value) => BigInt(value.slice(value.lastIndexOf("/") + 1)));

// Extensions run on Shopify's sandboxed origin and send a bearer token, never cookies: any origin may ask.
const allowCheckoutOrigin: RequestHandler = (req, res, next) => {
  res.set({
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Max-Age": "86400",
  });
  if (req.method === "OPTIONS") res.status(204).end();
  else next();
};

export interface CheckoutCouponDeps {
  shopify: Shopify;
  shops: ShopRepository;
  checkoutCoupons: CheckoutCouponService;
}

export function checkoutCouponRoute(deps: CheckoutCouponDeps): Router {
  const router = Router();
  // Polled by every thank-you page: the shop behind the token is read from a short cache, not once per poll.
  router.use("/api/checkout", allowCheckoutOrigin, requireSessionToken(deps.shopify, deps.shops, { cached: true }));
  router.get("/api/checkout/coupon", async (req, res) => {
    const parsed = orderIdSchema.safeParse(req.query.orderId);
    if (!parsed.success) throw new AppError("bad_request", "orderId must be an order gid or number");
    const { shop } = sessionOf(res);
    const answer = await deps.checkoutCoupons.answer(shop.id, parsed.data).catch((error: unknown) => {
      if (error instanceof ForeignOrderError) throw new AppError("not_found", "No such order in this shop");
      throw error;
    });
    res.set("Cache-Control", "no-store");
    res.json(answer);
  });
  return router;
}
