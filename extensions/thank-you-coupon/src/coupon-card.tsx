// The ready coupon as Polaris web components: heading, code with a copy button, value, minimum and expiry.
import { useState } from "preact/hooks";
import type { CouponText } from "./describe-coupon.js";

/** Ties the copy button to the clipboard item; a second card on the page (a redeemed code) passes its own. */
const CLIPBOARD_ID = "afterglow-coupon-code";

export function CouponCard({ text, clipboardId = CLIPBOARD_ID }: { text: CouponText; clipboardId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <s-banner heading={text.heading} tone="success">
      <s-stack gap="small-200">
        <s-text>{text.intro}</s-text>
        <s-stack direction="inline" gap="base" alignItems="center">
          <s-text color="subdued">{text.codeLabel}</s-text>
          <s-text type="strong">{text.code}</s-text>
          <s-button commandFor={clipboardId} command="--copy" variant="secondary">
            {copied ? text.copied : text.copy}
          </s-button>
        </s-stack>
        <s-clipboard-item id={clipboardId} text={text.code} onCopy={() => setCopied(true)} />
        <s-text>{text.value}</s-text>
        {text.minimum ? <s-text color="subdued">{text.minimum}</s-text> : null}
        {text.expiry ? <s-text color="subdued">{text.expiry}</s-text> : null}
      </s-stack>
    </s-banner>
  );
}
