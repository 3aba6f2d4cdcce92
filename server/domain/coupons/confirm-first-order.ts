// Decides, from Shopify's own order history, whether an order our records call a first order really is one.
import type { ShopifyOrderHistory } from "../../shopify/customer-order-history.js";

export type FirstOrderVerdict = { first: true } | { first: false; reason: string };

/**
 * Shopify's numberOfOrders already counts this order (and any placed since), so one or none means no earlier order.
 * With more, the customer's oldest order decides: two first orders racing are told apart by which was placed first,
 * so the earlier one keeps its coupon whichever webhook we processed first.
 */
export function firstOrderVerdict(history: ShopifyOrderHistory, shopifyOrderId: bigint): FirstOrderVerdict {
  // A customer Shopify does not know: the create call's own userError is recorded on the coupon as its failure.
  if (history.numberOfOrders === null) return { first: true };
  if (history.numberOfOrders <= 1) return { first: true };
  // Search can lag behind a brand-new order; with no oldest order to compare, the claim key still allows one coupon.
  if (history.oldestOrderId === null || history.oldestOrderId === shopifyOrderId) return { first: true };
  return {
    first: false,
    reason: `not a first order: Shopify counts ${history.numberOfOrders} orders, the first being ${history.oldestOrderId}`,
  };
}

export interface ConfirmFirstOrderDeps {
  history: (shopDomain: string, shopifyCustomerId: bigint) => Promise<ShopifyOrderHistory>;
  claim: (shopId: number, shopifyCustomerId: bigint, shopifyOrderId: bigint) => Promise<bigint>;
}

/**
 * A first-order coupon is made only if Shopify agrees it is the customer's first order and the customer's one
 * first-order key is free or already this order's (a retry). Other coupons pass unchanged.
 */
export async function confirmFirstOrder(
  deps: ConfirmFirstOrderDeps,
  shopDomain: string,
  coupon: { shopId: number; shopifyOrderId: bigint; shopifyCustomerId: bigint | null; firstOrder: boolean },
): Promise<FirstOrderVerdict> {
  if (!coupon.firstOrder || coupon.shopifyCustomerId === null) return { first: true };
  const verdict = firstOrderVerdict(await deps.history(shopDomain, coupon.shopifyCustomerId), coupon.shopifyOrderId);
  if (!verdict.first) return verdict;
  const holder = await deps.claim(coupon.shopId, coupon.shopifyCustomerId, coupon.shopifyOrderId);
  if (holder === coupon.shopifyOrderId) return verdict;
  return { first: false, reason: `the customer's first-order coupon went to order ${holder}` };
}
