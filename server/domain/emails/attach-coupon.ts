// Puts the order's thank-you coupon into an email's data at send time, waiting briefly while it is being created.
import type { CouponRow } from "../coupons/coupon-repository.js";

export type PreparedData =
  /** `language`, when given, replaces the row's (the order's language, learnt after the row was made). */
  { ready: true; data: unknown; language?: string } | { ready: false; retryAt: Date; reason: string };

/** The coupon is created in Shopify alongside the order email; this long we wait for it rather than leave it out. */
export const couponWaitMs = 2 * 60 * 1000;
/**
 * Rechecks back off with the email's age (1 s, 2 s, 4 s, ... up to 30 s): a coupon is usually ready within a
 * second, and when jobs are backed up a fixed short recheck would add email work to the very backlog it waits on.
 */
export function couponRecheckMs(ageMs: number): number {
  return Math.min(30_000, Math.max(1000, ageMs));
}

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
  const ageMs = now.getTime() - email.createdAt.getTime();
  if (coupon?.status === "pending" && ageMs < couponWaitMs) {
    const retryAt = new Date(now.getTime() + couponRecheckMs(ageMs));
    return { ready: false, retryAt, reason: "waiting for the thank-you coupon" };
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
