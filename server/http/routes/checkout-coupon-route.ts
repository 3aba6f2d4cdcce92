// GET /api/checkout/coupon: the thank-you and order-status extension asks for the order's coupon and delivery window.
import { Router } from "express";
import { z } from "zod";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import { ForeignOrderError, type CheckoutCouponService } from "../../domain/coupons/checkout-coupon-service.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { allowExtensionOrigins } from "../middleware/allow-extension-origins.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";

/** Checkout's order id is gid://shopify/OrderIdentity/N on the thank-you page, gid://shopify/Order/N after. */
const orderIdSchema = z
  .string()
  .regex(/^(gid:\/\/shopify\/(OrderIdentity|Order)\/)?\d{1,20}$/, "orderId must be an order gid or number")
  .transform((value) => BigInt(value.slice(value.lastIndexOf("/") + 1)));

export interface CheckoutCouponDeps {
  shopify: Shopify;
  shops: ShopRepository;
  checkoutCoupons: CheckoutCouponService;
  extensionOrigins: readonly string[];
}

export function checkoutCouponRoute(deps: CheckoutCouponDeps): Router {
  const router = Router();
  // Polled by every thank-you page: the shop behind the token is read from a short cache, not once per poll.
  router.use(
    "/api/checkout",
    allowExtensionOrigins(deps.extensionOrigins, ["GET"]),
    requireSessionToken(deps.shopify, deps.shops, { cached: true }),
  );
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
