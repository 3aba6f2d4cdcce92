// The page the browser test loads the built bundle into: a stand-in `shopify` global and bare `s-*` elements.

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

/** What shopify.i18n does, close enough: dotted keys, {{name}} replacements, Intl in the page's locale. */
const SHOPIFY_SCRIPT = `
const messages = JSON.parse(document.getElementById("messages").textContent);
const orderId = new URLSearchParams(location.search).get("orderId");
const lookup = (key) => key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), messages);
globalThis.shopify = {
  orderConfirmation: { value: { order: { id: orderId } } },
  sessionToken: { get: async () => "browser-test-token" },
  i18n: {
    translate: (key, replacements = {}) => String(lookup(key) ?? key).replace(/\\{\\{(\\w+)\\}\\}/g, (_m, name) => String(replacements[name])),
    formatNumber: (value, options) => new Intl.NumberFormat("en-US", options).format(value),
    formatCurrency: (value, options) => new Intl.NumberFormat("en-US", options).format(value),
    formatDate: (date, options) => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", ...options }).format(date),
  },
};
`;

export function harnessPage(messagesJson: string): string {
  // The body stays empty: the extension renders into it, and "renders nothing" means it stays empty.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>thank-you-coupon harness</title>
<style>s-banner, s-stack, s-text, s-heading, s-skeleton-paragraph { display: block }
s-banner::before { content: attr(heading); font-weight: bold }
s-skeleton-paragraph::before { content: attr(content) }</style>
<script type="application/json" id="messages">${messagesJson.replace(/</g, "\\u003c")}</script>
<script>${ELEMENTS_SCRIPT}</script>
<script>${SHOPIFY_SCRIPT}</script>
<script type="module">
const extension = await import("/thank-you-coupon.js");
await extension.default();
window.extensionStarted = true;
</script>
</head>
<body></body>
</html>`;
}
