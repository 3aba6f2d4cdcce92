// GET /api/checkout/coupon: the thank-you and order-status extension asks for the order's coupon and delivery window.
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import type { Coupon, PrismaClient } from "@prisma/client";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import type { CouponRepository } from "../../domain/coupons/coupon-repository.js";
import type { ShippingEstimates } from "../../domain/shipping/shipping-estimates.js";
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
  shipping: ShippingEstimates;
}

type CouponAnswer = { status: "ready"; coupon: ReturnType<typeof couponView> } | { status: "pending" | "none" };

async function couponAnswer(deps: CheckoutCouponDeps, shopId: number, orderId: bigint): Promise<CouponAnswer> {
  const coupon = await deps.coupons.findForOrder(shopId, orderId);
  if (coupon?.status === "issued") return { status: "ready", coupon: couponView(coupon) };
  if (coupon?.status === "pending") return { status: "pending" };
  if (coupon) return { status: "none" };
  // No coupon yet: if the order is recorded it did not qualify; if not, its webhook is still on the way.
  const known = await deps.prisma.order.count({ where: { shopId, shopifyOrderId: orderId } });
  if (known > 0) return { status: "none" };
  // Order ids are global in Shopify: one recorded under another shop is not this token's to ask about.
  const foreign = await deps.prisma.order.count({ where: { shopifyOrderId: orderId, shopId: { not: shopId } } });
  if (foreign > 0) throw new AppError("not_found", "No such order in this shop");
  return { status: "pending" };
}

export function checkoutCouponRoute(deps: CheckoutCouponDeps): Router {
  const router = Router();
  router.use("/api/checkout", allowCheckoutOrigin, requireSessionToken(deps.shopify, deps.shops));
  router.get("/api/checkout/coupon", async (req, res) => {
    const parsed = orderIdSchema.safeParse(req.query.orderId);
    if (!parsed.success) throw new AppError("bad_request", "orderId must be an order gid or number");
    const { shop } = sessionOf(res);
    const answer = await couponAnswer(deps, shop.id, parsed.data);
    // The delivery window shows even when there is no coupon; null until the order is recorded, or if nothing ships.
    const window = await deps.shipping.estimateForRecordedOrder(shop.id, parsed.data);
    res.set("Cache-Control", "no-store");
    res.json({ ...answer, delivery: window ? { earliest: window.earliest, latest: window.latest } : null });
  });
  return router;
}
