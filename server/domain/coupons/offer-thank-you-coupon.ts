// Decides whether an order earns a thank-you coupon and, if so, the pending coupon to record with its code chosen.
import type { Shop } from "@prisma/client";
import type { ThankYouOrder } from "../orders/order-payload.js";
import type { CouponSettingsInput } from "./coupon-settings.js";
import type { CouponSummary, NewCoupon, PendingCoupon } from "./coupon-repository.js";
import { generateCouponCode } from "./generate-coupon-code.js";
import { orderQualifiesForCoupon } from "./order-qualifies-for-coupon.js";

/** What the decision reads, gathered in one round trip (thank-you-page-repository.ts). */
export interface OfferContext {
  customerId: number | null;
  /** The order's coupon, if an earlier event of the order already recorded one. */
  existing: CouponSummary | null;
  settings: CouponSettingsInput;
  /** Orders this customer placed before this one, as far as Afterglow knows. */
  previousOrders: number;
}

export type CouponDecision = { kind: "coupon"; coupon: NewCoupon } | { kind: "declined"; reason: string };

/** `fresh` is the coupon this call recorded as pending: its caller issues it; an existing one has an issuer already. */
export type Offer =
  { kind: "offered"; coupon: CouponSummary; fresh: PendingCoupon | null } | { kind: "declined"; reason: string };

const dayMs = 24 * 60 * 60 * 1000;

/** Pure apart from the code's randomness: the settings and the order's facts decide. */
export function offerThankYouCoupon(
  context: Omit<OfferContext, "existing">,
  shop: Shop,
  order: ThankYouOrder,
  now: Date,
): CouponDecision {
  const { settings, customerId } = context;
  const verdict = orderQualifiesForCoupon(settings, {
    hasCustomer: customerId !== null && order.customer != null,
    previousOrders: context.previousOrders,
    subtotal: order.subtotal_price,
    usedDiscountCode: order.discount_codes.length > 0,
    cancelled: Boolean(order.cancelled_at),
  });
  if (!verdict.qualifies) return { kind: "declined", reason: verdict.reason };
  const coupon: NewCoupon = {
    shopId: shop.id,
    shopifyOrderId: BigInt(order.id),
    customerId,
    shopifyCustomerId: order.customer ? BigInt(order.customer.id) : null,
    code: generateCouponCode(settings.codePrefix),
    kind: settings.kind,
    value: settings.kind === "free_shipping" ? "0" : settings.value,
    minimumSubtotal: settings.minimumSubtotal,
    currencyCode: order.currency ?? shop.currencyCode ?? "USD",
    startsAt: now,
    endsAt: new Date(now.getTime() + settings.validityDays * dayMs),
    combinesWith: {
      orderDiscounts: settings.combinesWithOrder,
      productDiscounts: settings.combinesWithProduct,
      shippingDiscounts: settings.combinesWithShipping,
    },
    firstOrder: settings.eligibility === "first_order",
  };
  return { kind: "coupon", coupon };
}
