// The simulator's embedded-app admin: /admin/<shop>/apps/<handle> frames the app, hands it session tokens, serves App Bridge's stand-in.
import { randomBytes } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import { mintSessionToken } from "../mint-session-token.js";
import type { AppInstallations } from "../oauth/app-installations.js";
import type { SimStore } from "../state/sim-store.js";
import { adminFramePageHtml } from "./admin-frame-page.js";
import { APP_BRIDGE_PATH, APP_BRIDGE_STAND_IN } from "./app-bridge-stand-in.js";

export interface AdminRoutesDeps {
  store: SimStore;
  installations: AppInstallations;
  apiKey: string;
  apiSecret: string;
  appUrl: () => string;
  appHandle: string;
  appName: string;
}

/** The staff member signed in to the simulated admin; ?staff= picks another (it becomes the token's sub). */
export const DEFAULT_STAFF_ID = "902541635";

export function adminAppPath(shop: string, handle = "afterglow"): string {
  return `/admin/${encodeURIComponent(shop)}/apps/${handle}`;
}

function staffOf(req: Request): string {
  const staff = typeof req.query.staff === "string" ? req.query.staff : "";
  return /^\d{1,20}$/.test(staff) ? staff : DEFAULT_STAFF_ID;
}

function knownInstalledShop(deps: AdminRoutesDeps, req: Request, res: Response): string | undefined {
  const shop = String(req.params.shop);
  if (!deps.store.findShop(shop)) {
    res.status(404).type("text").send(`There is no store ${shop}`);
    return undefined;
  }
  if (!deps.installations.isInstalled(shop)) {
    res.status(404).type("text").send(`${deps.appName} is not installed on ${shop}`);
    return undefined;
  }
  return shop;
}

function servePage(deps: AdminRoutesDeps, req: Request, res: Response): void {
  const shop = knownInstalledShop(deps, req, res);
  if (!shop) return;
  const staff = staffOf(req);
  const locale =
    typeof req.query.locale === "string" && /^[a-zA-Z-]{2,10}$/.test(req.query.locale) ? req.query.locale : "en";
  const host = Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).toString("base64url");
  const segments: unknown = req.params.path;
  const path = Array.isArray(segments) ? `/${segments.map(String).join("/")}` : "/";
  const src = new URL(path, deps.appUrl());
  src.search = new URLSearchParams({
    embedded: "1",
    host,
    id_token: mintSessionToken({ shop, userId: staff, apiKey: deps.apiKey, apiSecret: deps.apiSecret }),
    locale,
    session: randomBytes(16).toString("hex"),
    shop,
    timestamp: String(Math.floor(Date.now() / 1000)),
  }).toString();
  const html = adminFramePageHtml({
    shop,
    shopName: deps.store.shop(shop).name,
    appName: deps.appName,
    appSrc: src.toString(),
    tokenUrl: `${adminAppPath(shop, deps.appHandle)}/session-token?staff=${staff}`,
    locale,
  });
  res.set("Cache-Control", "no-store").type("html").send(html);
}

export function adminRoutes(deps: AdminRoutesDeps): Router {
  const r = express.Router();
  r.get(APP_BRIDGE_PATH, (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/javascript").send(APP_BRIDGE_STAND_IN);
  });
  r.get(`/admin/:shop/apps/${deps.appHandle}/session-token`, (req, res) => {
    const shop = knownInstalledShop(deps, req, res);
    if (!shop) return;
    const token = mintSessionToken({ shop, userId: staffOf(req), apiKey: deps.apiKey, apiSecret: deps.apiSecret });
    res.set("Cache-Control", "no-store").json({ token });
  });
  r.get(`/admin/:shop/apps/${deps.appHandle}`, (req, res) => servePage(deps, req, res));
  r.get(`/admin/:shop/apps/${deps.appHandle}/*path`, (req, res) => servePage(deps, req, res));
  return r;
}
