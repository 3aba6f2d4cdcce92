// The simulator's Shopify admin page for an app: a sidebar, and the app in an iframe as admin embeds it.

export interface AdminFramePageConfig {
  shop: string;
  shopName: string;
  appName: string;
  /** The iframe's first URL: the app's URL with shop, host, embedded=1, locale and an id_token. */
  appSrc: string;
  /** Same-origin URL the frame fetches a fresh session token from, for every idToken() the app asks. */
  tokenUrl: string;
  locale: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const FRAME_SCRIPT = `
const config = JSON.parse(document.getElementById("admin-config").textContent);
const frame = document.getElementById("app-frame");
const nav = document.getElementById("app-nav");
const toasts = document.getElementById("toasts");
let currentPath = "/";
let items = [];
const appOrigin = new URL(config.appSrc).origin;
const reply = (id, value, error) => frame.contentWindow.postMessage({ afterglowSim: "reply", id, value, error }, appOrigin);
const renderNav = () => {
  nav.replaceChildren(
    ...items.map((item) => {
      const link = document.createElement("a");
      link.textContent = item.label;
      link.href = "#";
      link.dataset.href = item.href;
      if (item.href === currentPath) link.setAttribute("aria-current", "page");
      link.addEventListener("click", (event) => {
        event.preventDefault();
        frame.contentWindow.postMessage({ afterglowSim: "navigate", href: item.href }, appOrigin);
      });
      return link;
    }),
  );
};
window.addEventListener("message", async (event) => {
  if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
  const message = event.data || {};
  if (message.afterglowSim === "idToken") {
    try {
      const response = await fetch(config.tokenUrl, { cache: "no-store" });
      if (!response.ok) throw new Error("session token: HTTP " + response.status);
      reply(message.id, (await response.json()).token);
    } catch (error) {
      reply(message.id, undefined, String(error));
    }
  } else if (message.afterglowSim === "nav") {
    items = message.items;
    renderNav();
  } else if (message.afterglowSim === "location") {
    currentPath = message.path;
    renderNav();
  } else if (message.afterglowSim === "toast") {
    const toast = document.createElement("div");
    toast.className = message.error ? "toast error" : "toast";
    toast.textContent = message.message;
    toasts.append(toast);
    setTimeout(() => toast.remove(), 5000);
  }
});
`;

export function adminFramePageHtml(config: AdminFramePageConfig): string {
  return `<!doctype html>
<html lang="${escapeHtml(config.locale)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(config.appName)} · ${escapeHtml(config.shopName)} · Shopify admin (simulator)</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; background: #1a1a1a; }
  header { height: 48px; display: flex; align-items: center; padding: 0 16px; color: #e3e3e3; font-size: 14px; gap: 12px; }
  header strong { color: #fff; }
  .layout { display: flex; height: calc(100% - 48px); }
  aside { width: 220px; background: #ebebeb; padding: 12px 8px; border-top-left-radius: 12px; box-sizing: border-box; }
  aside h2 { font-size: 13px; margin: 4px 8px 8px; color: #303030; }
  #app-nav a { display: block; padding: 6px 12px; border-radius: 8px; color: #303030; text-decoration: none; font-size: 13px; }
  #app-nav a[aria-current="page"] { background: #fff; font-weight: 600; }
  main { flex: 1; background: #f1f1f1; }
  iframe { border: 0; width: 100%; height: 100%; display: block; }
  #toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); }
  .toast { background: #303030; color: #fff; padding: 10px 16px; border-radius: 8px; margin-top: 8px; }
  .toast.error { background: #8e1f0b; }
</style>
<script type="application/json" id="admin-config">${scriptJson(config)}</script>
</head>
<body>
<header><strong>${escapeHtml(config.shopName)}</strong><span>${escapeHtml(config.shop)}</span><span>Shopify admin (simulator)</span></header>
<div class="layout">
  <aside><h2>${escapeHtml(config.appName)}</h2><nav id="app-nav"></nav></aside>
  <main><iframe id="app-frame" title="${escapeHtml(config.appName)}" src="${escapeHtml(config.appSrc)}"></iframe></main>
</div>
<div id="toasts" role="status"></div>
<script>${FRAME_SCRIPT}</script>
</body>
</html>`;
}
