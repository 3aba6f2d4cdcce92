// The coupon block: a skeleton while the coupon job runs, the coupon once ready, and nothing in every other case.
import { describeCoupon } from "./describe-coupon.js";
import { CouponCard } from "./coupon-card.js";
import { readOrderId } from "./read-order-id.js";
import { shopifyApi } from "./shopify-api.js";
import { useCouponViewState } from "./use-coupon-view-state.js";

export function ThankYouCoupon() {
  const api = shopifyApi();
  // Reading the signal's value here subscribes the block to it (Shopify hands its signals to @preact/signals).
  const orderId = readOrderId(api);
  const state = useCouponViewState(orderId, api);
  switch (state.phase) {
    case "loading":
      return <s-skeleton-paragraph content={api.i18n.translate("loading")} />;
    case "hidden":
      return null;
    case "ready":
      return <CouponCard text={describeCoupon(state.view, api.i18n)} />;
  }
}
