// The block: the delivery window once known, and a skeleton while the coupon job runs, the coupon once ready, or
// nothing in every other case.
import { useState } from "preact/hooks";
import { describeCoupon } from "./describe-coupon.js";
import { describeDelivery } from "./describe-delivery.js";
import { nextDeliveryWindow, type DeliveryWindow } from "./delivery-window.js";
import type { CouponViewState } from "./coupon-view-state.js";
import { CouponCard } from "./coupon-card.js";
import { readOrderId } from "./read-order-id.js";
import { shopifyApi, type CouponExtensionApi } from "./shopify-api.js";
import { useCouponViewState } from "./use-coupon-view-state.js";

function CouponPart({ state, api }: { state: CouponViewState; api: CouponExtensionApi }) {
  switch (state.phase) {
    case "loading":
      return <s-skeleton-paragraph content={api.i18n.translate("loading")} />;
    case "hidden":
      return null;
    case "ready":
      return <CouponCard text={describeCoupon(state.view, api.i18n)} />;
  }
}

export function ThankYouCoupon() {
  const api = shopifyApi();
  // Reading the signal's value here subscribes the block to it (Shopify hands its signals to @preact/signals).
  const orderId = readOrderId(api);
  // Kept with the order it belongs to, so a block that moves to another order never shows the old window.
  const [known, setKnown] = useState<{ orderId?: string; window: DeliveryWindow | null }>({ window: null });
  const state = useCouponViewState(orderId, api, (result) =>
    setKnown((current) => ({
      orderId,
      window: nextDeliveryWindow(current.orderId === orderId ? current.window : null, result),
    })),
  );
  const delivery = known.orderId === orderId ? known.window : null;
  // Without a window the block is the coupon alone, so an order with neither renders nothing at all.
  if (!delivery) return <CouponPart state={state} api={api} />;
  return (
    <s-stack gap="base">
      <s-text type="strong">{describeDelivery(delivery, api.i18n)}</s-text>
      <CouponPart state={state} api={api} />
    </s-stack>
  );
}
