// Completes an email's data when it is sent, not when the event arrives: the thank-you coupon and the window.
import { attachCoupon, type CouponLookup, type PreparedData } from "./attach-coupon.js";
import type { DeliveryWindowSource } from "./delivery-window-source.js";

export interface PrepareDeps {
  coupons: CouponLookup;
  deliveryWindow: DeliveryWindowSource;
}

interface WindowFrom {
  orderedAt: string;
  countryCode: string | null;
  shippingMethod: string | null;
  shippedAt?: string;
}

function windowFromOf(data: Record<string, unknown>): WindowFrom | null {
  const from = data.windowFrom;
  if (typeof from !== "object" || from === null || !("orderedAt" in from)) return null;
  return from as WindowFrom;
}

/** The estimate runs once per email at send time, so duplicate webhooks cost nothing and the settings are current. */
export async function prepareEmailData(
  deps: PrepareDeps,
  email: { shopId: number; shopifyOrderId: string | null; data: unknown; createdAt: Date },
): Promise<PreparedData> {
  const withCoupon = await attachCoupon(deps.coupons, email);
  if (!withCoupon.ready) return withCoupon;
  const data = withCoupon.data as Record<string, unknown>;
  const from = windowFromOf(data);
  if (!from) return withCoupon;
  const window = await deps.deliveryWindow(email.shopId, {
    orderedAt: new Date(from.orderedAt),
    countryCode: from.countryCode,
    shippingMethod: from.shippingMethod,
    shippedAt: from.shippedAt ? new Date(from.shippedAt) : undefined,
  });
  return { ready: true, data: { ...data, window } };
}
