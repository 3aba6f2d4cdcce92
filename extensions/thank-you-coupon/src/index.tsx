// Entry for both targets: Shopify calls the default export, which renders the block into the extension's body: the
// coupon on both pages, and on the order-status page the signed-in customer's points.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { LoyaltyPoints } from "./loyalty-points.js";
import { shopifyApi } from "./shopify-api.js";
import { ThankYouCoupon } from "./thank-you-coupon.js";

export const ORDER_STATUS_TARGET = "customer-account.order-status.block.render";

function Block() {
  if (shopifyApi().extension.target !== ORDER_STATUS_TARGET) return <ThankYouCoupon />;
  return (
    <s-stack gap="large">
      <ThankYouCoupon />
      <LoyaltyPoints />
    </s-stack>
  );
}

export default async () => {
  render(<Block />, document.body);
};
