// The simulator's stand-in for App Bridge's script (cdn.shopify.com/shopifycloud/app-bridge.js), loaded inside the app's iframe.
// Like the real one it talks to the admin frame by postMessage: session tokens, toasts, and the ui-nav-menu links.

export const APP_BRIDGE_PATH = "/app-bridge.js";

export const APP_BRIDGE_STAND_IN = `
(() => {
  const params = new URLSearchParams(location.search);
  const meta = document.querySelector('meta[name="shopify-api-key"]');
  const parentWindow = window.parent === window ? null : window.parent;
  const pending = new Map();
  let nextId = 1;
  const ask = (type, payload) =>
    new Promise((resolve, reject) => {
      if (!parentWindow) return reject(new Error("App Bridge: the app is not embedded in the admin"));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      parentWindow.postMessage({ afterglowSim: type, id, ...payload }, "*");
    });
  const tell = (type, payload) => parentWindow && parentWindow.postMessage({ afterglowSim: type, ...payload }, "*");
  window.addEventListener("message", (event) => {
    if (event.source !== parentWindow || !event.data || typeof event.data.afterglowSim !== "string") return;
    const message = event.data;
    if (message.afterglowSim === "reply" && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      message.error ? reject(new Error(message.error)) : resolve(message.value);
    }
    if (message.afterglowSim === "navigate") {
      const link = [...document.querySelectorAll("ui-nav-menu a")].find((a) => a.getAttribute("href") === message.href);
      if (link) link.click();
    }
  });
  class NavMenu extends HTMLElement {
    connectedCallback() {
      this.style.display = "none";
      const send = () =>
        tell("nav", {
          items: [...this.querySelectorAll("a")].map((a) => ({
            label: a.textContent.trim(),
            href: a.getAttribute("href"),
            home: a.getAttribute("rel") === "home",
          })),
        });
      this.observer = new MutationObserver(send);
      this.observer.observe(this, { subtree: true, childList: true, characterData: true, attributes: true });
      send();
    }
    disconnectedCallback() {
      if (this.observer) this.observer.disconnect();
    }
  }
  customElements.define("ui-nav-menu", NavMenu);
  const reportLocation = () => tell("location", { path: location.pathname });
  for (const method of ["pushState", "replaceState"]) {
    const original = history[method].bind(history);
    history[method] = (...args) => {
      original(...args);
      reportLocation();
    };
  }
  window.addEventListener("popstate", reportLocation);
  reportLocation();
  window.shopify = {
    config: {
      apiKey: meta ? meta.getAttribute("content") : "",
      shop: params.get("shop") || "",
      host: params.get("host") || "",
      locale: params.get("locale") || "en",
    },
    environment: { embedded: true, mobile: false, pos: false },
    ready: Promise.resolve(),
    origin: location.origin,
    idToken: () => ask("idToken", {}),
    toast: { show: (message, options) => tell("toast", { message, error: Boolean(options && options.isError) }), hide: () => undefined },
    loading: () => undefined,
  };
})();
`;
