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

/**
 * Safe to run any number of times: by the urgent thank-you job, and again by the order's full webhook handler.
 * The urgent job leaves the order's analytics facts for later; the full handler (`refreshFacts`) lets the order
 * triggers keep them (a changed customer included) and refreshes the customer's, which the urgent job may have left.
 */
export async function recordOrderForThankYouPage(
  deps: ThankYouPageDeps,
  shop: Shop,
  order: ThankYouOrder,
  options: { refreshFacts: boolean },
): Promise<ThankYouPageRecord> {
  const record = await recordCouponAndOrder(deps, shop, order, { deferFacts: !options.refreshFacts });
  if (options.refreshFacts && record.customerId !== null) {
    await deps.thankYouPages.refreshOrderFacts(record.customerId);
  }
  return record;
}

async function recordCouponAndOrder(
  deps: ThankYouPageDeps,
  shop: Shop,
  order: ThankYouOrder,
  facts: { deferFacts: boolean },
): Promise<ThankYouPageRecord> {
  const context = await deps.thankYouPages.offerContext(shop.id, order);
  const { customerId, existing } = context;
  if (existing) {
    await deps.thankYouPages.record(shop.id, customerId, order, null, facts);
    return { customerId, offer: { kind: "offered", coupon: existing, fresh: null } };
  }
  const decision = offerThankYouCoupon(context, shop, order, deps.now?.() ?? new Date());
  if (decision.kind === "declined") {
    await deps.thankYouPages.record(shop.id, customerId, order, null, facts);
    return { customerId, offer: decision };
  }
  const coupon = await deps.thankYouPages.record(shop.id, customerId, order, decision.coupon, facts);
  if (!coupon) throw new Error(`order ${order.id}: its coupon was not recorded`);
  const summary = { id: coupon.id, code: coupon.code, status: coupon.status };
  return { customerId, offer: { kind: "offered", coupon: summary, fresh: coupon.created ? coupon : null } };
}
