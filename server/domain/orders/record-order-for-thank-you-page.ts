// What the thank-you page reads about an order: its customer, its coupon offer and the order row.
import type { Shop } from "@prisma/client";
import { offerThankYouCoupon, type Offer } from "../coupons/offer-thank-you-coupon.js";
import type { ThankYouOrder } from "./order-payload.js";
import type { ThankYouPageRepository } from "./thank-you-page-repository.js";

export interface ThankYouPageDeps {
  thankYouPages: ThankYouPageRepository;
  now?: () => Date;
}

export interface ThankYouPageRecord {
  customerId: number | null;
  offer: Offer;
}

/** Safe to run any number of times: by the urgent thank-you job, and again by the order's full webhook handler. */
export async function recordOrderForThankYouPage(
  deps: ThankYouPageDeps,
  shop: Shop,
  order: ThankYouOrder,
): Promise<ThankYouPageRecord> {
  const context = await deps.thankYouPages.offerContext(shop.id, order);
  const { customerId, existing } = context;
  if (existing) {
    await deps.thankYouPages.record(shop.id, customerId, order, null);
    return { customerId, offer: { kind: "offered", coupon: existing, fresh: null } };
  }
  const decision = offerThankYouCoupon(context, shop, order, deps.now?.() ?? new Date());
  if (decision.kind === "declined") {
    await deps.thankYouPages.record(shop.id, customerId, order, null);
    return { customerId, offer: decision };
  }
  const coupon = await deps.thankYouPages.record(shop.id, customerId, order, decision.coupon);
  if (!coupon) throw new Error(`order ${order.id}: its coupon was not recorded`);
  const summary = { id: coupon.id, code: coupon.code, status: coupon.status };
  return { customerId, offer: { kind: "offered", coupon: summary, fresh: coupon.created ? coupon : null } };
}
