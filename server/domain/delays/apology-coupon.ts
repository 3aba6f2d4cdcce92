// The coupon an apology may carry: the order's own thank-you code, while it is issued, unused and still valid.
import type { Prisma } from "@prisma/client";
import type { CouponRow } from "../coupons/coupon-repository.js";

/**
 * Creating a second discount per late order would mean another Shopify call and another code to track; reminding
 * the shopper of the one they already hold costs nothing. Orders without a usable code get the apology alone.
 */
export function apologyCoupon(coupon: CouponRow | null, now: Date): Prisma.InputJsonObject | null {
  if (!coupon || coupon.status !== "issued" || coupon.endsAt.getTime() <= now.getTime()) return null;
  return {
    code: coupon.code,
    kind: coupon.kind,
    value: coupon.value.toString(),
    currencyCode: coupon.currencyCode,
    minimumSubtotal: coupon.minimumSubtotal?.toString() ?? null,
    endsAt: coupon.endsAt.toISOString(),
  };
}
