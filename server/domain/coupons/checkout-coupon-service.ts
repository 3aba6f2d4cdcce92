// The checkout endpoint's answer: the order's coupon (one indexed query) and its delivery window (shop settings cached).
import { estimateDelivery, estimateDeliveryFromShipment, type DeliveryWindow } from "../shipping/estimate-delivery.js";
import type { ShopShipping } from "../shipping/shipping-settings-repository.js";
import type { CheckoutCouponLookup, CheckoutCouponView, CheckoutOrderFacts } from "./checkout-coupon-lookup.js";

/** The extension polls every order's page: a shop's shipping settings are read once per this long, not per poll. */
const shippingCacheMs = 2000;

export type CheckoutCouponReply = ({ status: "ready"; coupon: CheckoutCouponView } | { status: "pending" | "none" }) & {
  delivery: { earliest: string; latest: string } | null;
};

export class ForeignOrderError extends Error {
  override name = "ForeignOrderError";
}

export function createCheckoutCouponService(deps: {
  lookup: CheckoutCouponLookup;
  shopShipping: (shopId: number) => Promise<ShopShipping | null>;
  now?: () => number;
}) {
  const cache = new Map<number, { value: ShopShipping | null; until: number }>();
  const now = deps.now ?? Date.now;

  async function shopShipping(shopId: number): Promise<ShopShipping | null> {
    const hit = cache.get(shopId);
    if (hit && hit.until > now()) return hit.value;
    const value = await deps.shopShipping(shopId);
    cache.set(shopId, { value, until: now() + shippingCacheMs });
    return value;
  }

  /**
   * Null until the order is recorded, or when nothing ships (no address and no shipping line); once it has shipped,
   * transit counts from the actual ship date rather than the order time.
   */
  async function windowFor(shopId: number, order: CheckoutOrderFacts | null): Promise<DeliveryWindow | null> {
    if (!order || (!order.countryCode && !order.shippingMethod)) return null;
    const shipping = await shopShipping(shopId);
    if (!shipping) return null;
    const destination = { countryCode: order.countryCode, shippingMethod: order.shippingMethod, ...shipping };
    return order.shippedAt
      ? estimateDeliveryFromShipment({ ...destination, shippedAt: order.shippedAt })
      : estimateDelivery({ ...destination, orderedAt: order.orderedAt });
  }

  return {
    /** Throws ForeignOrderError for an order recorded under another shop. */
    async answer(shopId: number, shopifyOrderId: bigint): Promise<CheckoutCouponReply> {
      const found = await deps.lookup.find(shopId, shopifyOrderId);
      if (found.status === "foreign") throw new ForeignOrderError(`order ${shopifyOrderId} is not this shop's`);
      const window = await windowFor(shopId, found.order);
      const delivery = window ? { earliest: window.earliest, latest: window.latest } : null;
      return found.status === "ready"
        ? { status: "ready", coupon: found.coupon, delivery }
        : { status: found.status, delivery };
    },
  };
}

export type CheckoutCouponService = ReturnType<typeof createCheckoutCouponService>;
