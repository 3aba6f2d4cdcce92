// The slice of the `shopify` global this block uses, typed once for both targets and checked against Shopify's types.
import type { Api as ThankYouApi } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import type { Api as OrderStatusApi } from "@shopify/ui-extensions/customer-account.order-status.block.render";
import type { CouponI18n } from "./describe-coupon.js";
import type { OrderSources } from "./read-order-id.js";

export interface CouponExtensionApi extends OrderSources {
  i18n: CouponI18n;
  sessionToken: { get(): Promise<string> };
  /** Which page the block is on: the points part shows on the order-status page only. */
  extension: { target: string };
  /** The buyer's language, so the backend's own messages (a refused redemption) come in it too. */
  localization: { language: { readonly value: { isoCode: string } } };
}

// Compile-time proof that both targets' real APIs provide what CouponExtensionApi promises.
type Provides<T extends CouponExtensionApi> = T;
export type ThankYouProvides = Provides<ThankYouApi>;
export type OrderStatusProvides = Provides<OrderStatusApi>;

/** Read when called, not at import: Shopify sets the global before it calls the extension. */
export function shopifyApi(): CouponExtensionApi {
  return (globalThis as unknown as { shopify: CouponExtensionApi }).shopify;
}
