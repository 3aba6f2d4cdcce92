// Serves a simulated order's thank-you and order-status pages with the app's extension, its bundle and session tokens.
import { readFile } from "node:fs/promises";
import express, { type Request, type Response, type Router } from "express";
import type { SimStore } from "../state/sim-store.js";
import type { SimOrder } from "../state/sim-types.js";
import { loadExtensionLocale } from "./extension-locales.js";
import { mintCheckoutSessionToken } from "./mint-checkout-session-token.js";
import { thankYouPageHtml, type OrderConfirmationValue } from "./thank-you-page.js";

export interface ThankYouRoutesDeps {
  store: SimStore;
  apiKey: string;
  apiSecret: string;
  /** The built extension (ESM, default export); read on every request, so a rebuild shows on the next load. */
  bundlePath?: string;
  localesDir: string;
}

export const EXTENSION_BUNDLE_PATH = "/extensions/thank-you-coupon.js";

export function thankYouPagePath(shop: string, orderId: number): string {
  return `/store/${encodeURIComponent(shop)}/checkouts/thank-you/${orderId}`;
}

/** The customer account's page for an order, where the signed-in customer sees its status (and their points). */
export function orderStatusPagePath(shop: string, orderId: number): string {
  return `/store/${encodeURIComponent(shop)}/account/orders/${orderId}`;
}

/** True when the buyer (by customer, else by email) has no earlier order in the shop. */
function isFirstOrder(store: SimStore, order: SimOrder): boolean {
  const sameBuyer = (other: SimOrder): boolean =>
    order.customerId != null
      ? other.customerId === order.customerId
      : order.email != null && other.email === order.email;
  return !store.listOrders(order.shopDomain).some((other) => other.id < order.id && sameBuyer(other));
}

export function orderConfirmation(store: SimStore, order: SimOrder): OrderConfirmationValue {
  return {
    // Checkout knows the order by its identity until the Order object exists; the number stands in for Shopify's.
    order: { id: `gid://shopify/OrderIdentity/${order.id}` },
    number: String(order.orderNumber),
    isFirstOrder: isFirstOrder(store, order),
  };
}

function findOrder(store: SimStore, req: Request, res: Response): SimOrder | undefined {
  const id = Number(req.params.orderId);
  const order = Number.isSafeInteger(id) ? store.findOrder(String(req.params.shop), id) : undefined;
  if (!order)
    res
      .status(404)
      .type("text")
      .send(`There is no order ${String(req.params.orderId)} on this store`);
  return order;
}

async function serveBundle(deps: ThankYouRoutesDeps, res: Response): Promise<void> {
  if (!deps.bundlePath) {
    res.status(404).type("text").send("The simulator was started without an extension bundle (extensionBundlePath)");
    return;
  }
  const code = await readFile(deps.bundlePath).catch(() => null);
  if (!code) {
    res.status(404).type("text").send(`No extension bundle at ${deps.bundlePath}: run npm run build:extension`);
    return;
  }
  res.set("Cache-Control", "no-store").type("text/javascript").send(code);
}

async function servePage(deps: ThankYouRoutesDeps, req: Request, res: Response): Promise<void> {
  const order = findOrder(deps.store, req, res);
  if (!order) return;
  const shop = deps.store.shop(order.shopDomain);
  const locale = await loadExtensionLocale(deps.localesDir, order.customerLocale);
  const html = thankYouPageHtml({
    title: `Thank you for your order! – ${shop.name}`,
    bundleUrl: EXTENSION_BUNDLE_PATH,
    orderConfirmation: orderConfirmation(deps.store, order),
    ...locale,
    timeZone: shop.ianaTimezone,
    sessionToken: { url: `${thankYouPagePath(order.shopDomain, order.id)}/session-token` },
  });
  res.set("Cache-Control", "no-store").type("html").send(html);
}

/** Customer accounts know the placed order as gid://shopify/Order/N; only its customer, signed in, opens the page. */
async function serveOrderStatusPage(deps: ThankYouRoutesDeps, req: Request, res: Response): Promise<void> {
  const order = findOrder(deps.store, req, res);
  if (!order) return;
  const shop = deps.store.shop(order.shopDomain);
  const locale = await loadExtensionLocale(deps.localesDir, order.customerLocale);
  const html = thankYouPageHtml({
    title: `Order #${order.orderNumber} – ${shop.name}`,
    bundleUrl: EXTENSION_BUNDLE_PATH,
    target: "customer-account.order-status.block.render",
    order: { id: `gid://shopify/Order/${order.id}`, name: `#${order.orderNumber}` },
    ...locale,
    timeZone: shop.ianaTimezone,
    sessionToken: { url: `${thankYouPagePath(order.shopDomain, order.id)}/session-token` },
  });
  res.set("Cache-Control", "no-store").type("html").send(html);
}

/** The token checkout hands the extension: signed with the app's secret, for the order's shop and its customer. */
function serveToken(deps: ThankYouRoutesDeps, req: Request, res: Response): void {
  const order = findOrder(deps.store, req, res);
  if (!order) return;
  const token = mintCheckoutSessionToken({
    shop: order.shopDomain,
    customerId: order.customerId,
    apiKey: deps.apiKey,
    apiSecret: deps.apiSecret,
  });
  res.set("Cache-Control", "no-store").json({ token });
}

export function thankYouRoutes(deps: ThankYouRoutesDeps): Router {
  const r = express.Router();
  r.get(EXTENSION_BUNDLE_PATH, (_req, res) => serveBundle(deps, res));
  r.get("/store/:shop/checkouts/thank-you/:orderId", (req, res) => servePage(deps, req, res));
  r.get("/store/:shop/checkouts/thank-you/:orderId/session-token", (req, res) => serveToken(deps, req, res));
  r.get("/store/:shop/account/orders/:orderId", (req, res) => serveOrderStatusPage(deps, req, res));
  return r;
}
