// Decides whether an order earns a thank-you coupon under the shop's settings, and says why not.
import type { CouponSettingsInput } from "./coupon-settings.js";

export interface OrderFacts {
  hasCustomer: boolean;
  /** Orders this customer placed before this one, as far as Afterglow knows. */
  previousOrders: number;
  subtotal: string;
  usedDiscountCode: boolean;
  cancelled: boolean;
}

export type Qualification = { qualifies: true } | { qualifies: false; reason: string };

export function orderQualifiesForCoupon(settings: CouponSettingsInput, order: OrderFacts): Qualification {
  if (!settings.enabled) return { qualifies: false, reason: "thank-you coupons are switched off" };
  if (order.cancelled) return { qualifies: false, reason: "the order was cancelled" };
  if (!order.hasCustomer) return { qualifies: false, reason: "guest checkout: a personal code needs a customer" };
  if (settings.eligibility === "first_order" && order.previousOrders > 0) {
    return { qualifies: false, reason: "only first orders earn a coupon" };
  }
  if (settings.eligibility === "repeat_customers" && order.previousOrders === 0) {
    return { qualifies: false, reason: "only repeat customers earn a coupon" };
  }
  if (settings.minimumOrderSubtotal !== null && Number(order.subtotal) < Number(settings.minimumOrderSubtotal)) {
    return { qualifies: false, reason: `the order is under the ${settings.minimumOrderSubtotal} minimum` };
  }
  if (settings.excludeOrdersWithCode && order.usedDiscountCode) {
    return { qualifies: false, reason: "the order itself used a discount code" };
  }
  return { qualifies: true };
}
