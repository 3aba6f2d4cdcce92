// Decides whether an order earns a thank-you coupon and, if so, records it as pending with its code chosen.
import type { Shop } from "@prisma/client";
import type { OrderPayload } from "../orders/order-payload.js";
import type { CouponRepository, CouponSummary, PendingCoupon } from "./coupon-repository.js";
import { generateCouponCode } from "./generate-coupon-code.js";
import { orderQualifiesForCoupon } from "./order-qualifies-for-coupon.js";

export interface OfferDeps {
  coupons: CouponRepository;
  countPreviousOrders: (shopId: number, customerId: number, before: Date, orderId: number) => Promise<number>;
  now?: () => Date;
}

/** `fresh` is the coupon this call recorded as pending: its caller issues it; an existing one has an issuer already. */
export type Offer =
  { kind: "offered"; coupon: CouponSummary; fresh: PendingCoupon | null } | { kind: "declined"; reason: string };

const dayMs = 24 * 60 * 60 * 1000;

export async function offerThankYouCoupon(
  deps: OfferDeps,
  shop: Shop,
  order: OrderPayload,
  customerId: number | null,
): Promise<Offer> {
  const { existing, settings } = await deps.coupons.offerContext(shop.id, BigInt(order.id));
  if (existing) return { kind: "offered", coupon: existing, fresh: null };
  const placedAt = new Date(order.created_at ?? order.updated_at);
  const previousOrders =
    customerId === null ? 0 : await deps.countPreviousOrders(shop.id, customerId, placedAt, order.id);
  const verdict = orderQualifiesForCoupon(settings, {
    hasCustomer: customerId !== null && order.customer != null,
    previousOrders,
    subtotal: order.subtotal_price,
    usedDiscountCode: order.discount_codes.length > 0,
    cancelled: Boolean(order.cancelled_at),
  });
  if (!verdict.qualifies) return { kind: "declined", reason: verdict.reason };
  const now = deps.now?.() ?? new Date();
  const coupon = await deps.coupons.createPending({
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
  });
  return { kind: "offered", coupon, fresh: coupon.created ? coupon : null };
}
