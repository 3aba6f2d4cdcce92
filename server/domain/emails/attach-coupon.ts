// Puts the order's thank-you coupon into an email's data at send time, waiting briefly while it is being created.
import type { CouponRow } from "../coupons/coupon-repository.js";

export type PreparedData = { ready: true; data: unknown } | { ready: false; retryAt: Date; reason: string };

/** The coupon is created in Shopify alongside the order email; this long we wait for it rather than leave it out. */
export const couponWaitMs = 2 * 60 * 1000;
const recheckMs = 2000;

export interface CouponLookup {
  findForOrder(shopId: number, shopifyOrderId: bigint): Promise<CouponRow | null>;
}

export async function attachCoupon(
  coupons: CouponLookup,
  email: { shopId: number; shopifyOrderId: string | null; data: unknown; createdAt: Date },
  now = new Date(),
): Promise<PreparedData> {
  const data = typeof email.data === "object" && email.data !== null ? (email.data as Record<string, unknown>) : {};
  if (data.attachCoupon !== true || email.shopifyOrderId === null) return { ready: true, data };
  const coupon = await coupons.findForOrder(email.shopId, BigInt(email.shopifyOrderId));
  if (coupon?.status === "pending" && now.getTime() - email.createdAt.getTime() < couponWaitMs) {
    return { ready: false, retryAt: new Date(now.getTime() + recheckMs), reason: "waiting for the thank-you coupon" };
  }
  if (coupon?.status !== "issued") return { ready: true, data };
  return {
    ready: true,
    data: {
      ...data,
      coupon: {
        code: coupon.code,
        kind: coupon.kind,
        value: coupon.value.toString(),
        currencyCode: coupon.currencyCode,
        minimumSubtotal: coupon.minimumSubtotal?.toString() ?? null,
        endsAt: coupon.endsAt.toISOString(),
      },
    },
  };
}
