// A thank-you or order-status page hosting a UI extension bundle: a stand-in `shopify` global and bare `s-*` elements.
import type { LocaleMessages } from "./extension-locales.js";

/** `shopify.orderConfirmation.value`, shaped as in @shopify/ui-extensions (purchase.thank-you targets). */
export interface OrderConfirmationValue {
  order: { id: string };
  number?: string;
  isFirstOrder: boolean;
}

export interface ThankYouPageConfig {
  /** Where the page imports the extension's ESM bundle from; its default export is called once. */
  bundleUrl: string;
  /** The thank-you page's order (purchase.thank-you.block.render); the order-status page passes `order` instead. */
  orderConfirmation?: OrderConfirmationValue;
  /** `shopify.order.value` on the order-status page (customer-account.order-status.block.render). */
  order?: { id: string; name: string };
  target?: "purchase.thank-you.block.render" | "customer-account.order-status.block.render";
  /** A BCP 47 locale for shopify.i18n's formatting (the buyer's). */
  locale: string;
  /** The time zone dates are formatted in; UTC unless given. */
  timeZone?: string;
  /** The extension's messages for the buyer's locale, and the default locale's for keys it lacks. */
  messages: LocaleMessages;
  fallbackMessages?: LocaleMessages;
  /** sessionToken.get() fetches `{ token }` from `url` on every call, or always answers `fixed`. */
  sessionToken: { url: string } | { fixed: string };
  title?: string;
}

/** Polaris web components stand-ins: just enough to show text and to make `--copy` buttons fire `copy`. */
const ELEMENTS_SCRIPT = `
for (const tag of ["s-banner", "s-stack", "s-text", "s-heading", "s-button", "s-clipboard-item", "s-skeleton-paragraph"]) {
  customElements.define(tag, class extends HTMLElement {});
}
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("s-button") : null;
  if (!button || button.getAttribute("command") !== "--copy") return;
  const item = document.getElementById(button.getAttribute("commandfor") || "");
  if (item) item.dispatchEvent(new Event("copy"));
});
`;

/** What the `shopify` global does, close enough: signals, session tokens, i18n with {{name}} and Intl. */
const SHOPIFY_SCRIPT = `
const config = JSON.parse(document.getElementById("thank-you-config").textContent);
const lookup = (messages, key) =>
  key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), messages || {});
const message = (key) => {
  const found = lookup(config.messages, key) ?? lookup(config.fallbackMessages, key);
  return typeof found === "string" ? found : key;
};
const signal = (value) => ({ value, subscribe: () => () => undefined });
const token = config.sessionToken;
globalThis.shopify = {
  extension: { target: config.target || "purchase.thank-you.block.render" },
  ...(config.orderConfirmation ? { orderConfirmation: signal(config.orderConfirmation) } : {}),
  ...(config.order ? { order: signal(config.order) } : {}),
  localization: { language: signal({ isoCode: config.locale }) },
  sessionToken: {
    get: async () => {
      if (!token.url) return token.fixed;
      const response = await fetch(token.url, { cache: "no-store" });
      if (!response.ok) throw new Error("session token: HTTP " + response.status);
      return (await response.json()).token;
    },
  },
  i18n: {
    translate: (key, replacements = {}) =>
      message(key).replace(/\\{\\{(\\w+)\\}\\}/g, (_m, name) => String(replacements[name])),
    formatNumber: (value, options) => new Intl.NumberFormat(config.locale, options).format(value),
    formatCurrency: (value, options) => new Intl.NumberFormat(config.locale, options).format(value),
    formatDate: (date, options) =>
      new Intl.DateTimeFormat(config.locale, { timeZone: config.timeZone || "UTC", ...options }).format(date),
  },
};
`;

/** JSON safe inside a <script> element: no `</script>` or `<!--` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

export function thankYouPageHtml(config: ThankYouPageConfig): string {
  const { title = "Thank you", ...pageConfig } = config;
  // The body stays empty: the extension renders into it, and "renders nothing" means it stays empty.
  return `<!doctype html>
<html lang="${escapeHtml(config.locale)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>s-banner, s-stack, s-text, s-heading, s-skeleton-paragraph { display: block }
s-banner::before { content: attr(heading); font-weight: bold }
s-skeleton-paragraph::before { content: attr(content) }</style>
<script type="application/json" id="thank-you-config">${scriptJson(pageConfig)}</script>
<script>${ELEMENTS_SCRIPT}</script>
<script>${SHOPIFY_SCRIPT}</script>
<script type="module">
const extension = await import(${scriptJson(config.bundleUrl)});
await extension.default();
window.extensionStarted = true;
</script>
</head>
<body></body>
</html>`;
}
