// Entry for both targets: Shopify calls the default export, which renders the coupon block into the extension's body.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { ThankYouCoupon } from "./thank-you-coupon.js";

export default async () => {
  render(<ThankYouCoupon />, document.body);
};
