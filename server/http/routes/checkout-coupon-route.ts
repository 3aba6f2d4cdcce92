// GET /api/checkout/coupon: the thank-you and order-status extension asks for the order's coupon.
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import type { Coupon, PrismaClient } from "@prisma/client";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import type { CouponRepository } from "../../domain/coupons/coupon-repository.js";
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

export function couponView(coupon: Coupon) {
  return {
    code: coupon.code,
    kind: coupon.kind,
    value: coupon.value.toString(),
    currencyCode: coupon.currencyCode,
    minimumSubtotal: coupon.minimumSubtotal?.toString() ?? null,
    endsAt: coupon.endsAt.toISOString(),
  };
}

export interface CheckoutCouponDeps {
  shopify: Shopify;
  shops: ShopRepository;
  coupons: CouponRepository;
  prisma: PrismaClient;
}

export function checkoutCouponRoute(deps: CheckoutCouponDeps): Router {
  const router = Router();
  router.use("/api/checkout", allowCheckoutOrigin, requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/checkout/coupon", async (req, res) => {
    const parsed = orderIdSchema.safeParse(req.query.orderId);
    if (!parsed.success) throw new AppError("bad_request", "orderId must be an order gid or number");
    const { shop } = sessionOf(res);
    const coupon = await deps.coupons.findForOrder(shop.id, parsed.data);
    res.set("Cache-Control", "no-store");
    if (coupon?.status === "issued") return void res.json({ status: "ready", coupon: couponView(coupon) });
    if (coupon?.status === "pending") return void res.json({ status: "pending" });
    if (coupon) return void res.json({ status: "none" });
    // No coupon yet: if the order is recorded it did not qualify; if not, its webhook is still on the way.
    const known = await deps.prisma.order.count({ where: { shopId: shop.id, shopifyOrderId: parsed.data } });
    if (known > 0) return void res.json({ status: "none" });
    // Order ids are global in Shopify: one recorded under another shop is not this token's to ask about.
    const foreign = await deps.prisma.order.count({ where: { shopifyOrderId: parsed.data, shopId: { not: shop.id } } });
    if (foreign > 0) throw new AppError("not_found", "No such order in this shop");
    res.json({ status: "pending" });
  });
  return router;
}
