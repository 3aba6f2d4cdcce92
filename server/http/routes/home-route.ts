// GET / and the admin's other pages: the embedded admin (built by Vite) with its config, and its static assets.
import express, { Router, type Response } from "express";
import type { Services } from "../../create-services.js";
import { adminIndexHtml, webDistDir } from "../admin-index-html.js";

/** The admin's client-side routes (web/src/screen-routes.tsx). */
export const adminScreenPaths = [
  "/coupons",
  "/activity",
  "/languages",
  "/shipping",
  "/emails",
  "/emails/*rest",
  "/loyalty",
  "/customers",
  "/customers/*rest",
  "/retention",
  "/campaigns",
];

const shopDomain = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Only Shopify admin (and, in dev and tests, the simulator standing in for it) may frame the app. */
function frameAncestors(shop: string | undefined, services: Services): string {
  const origins = ["https://admin.shopify.com"];
  if (shop && shopDomain.test(shop)) origins.push(`https://${shop}`);
  if (services.config.SHOPIFY_API_ORIGIN) origins.push(new URL(services.config.SHOPIFY_API_ORIGIN).origin);
  return `frame-ancestors ${origins.join(" ")};`;
}

export function homeRoute(services: Services): Router {
  const router = Router();
  const distDir = webDistDir(services.config.WEB_DIST_DIR);
  // File names carry a content hash, so they can be cached for good.
  router.use("/assets", express.static(`${distDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
  const serveAdmin = async (shop: string | undefined, res: Response) => {
    const html = await adminIndexHtml(distDir, {
      apiKey: services.config.SHOPIFY_API_KEY,
      appBridgeUrl: services.config.APP_BRIDGE_URL,
    });
    if (html === null) {
      res.status(503).type("text/plain").send("The admin has not been built: run npm run build:web\n");
      return;
    }
    res.set({ "Content-Security-Policy": frameAncestors(shop, services), "Cache-Control": "no-store" });
    res.type("html").send(html);
  };
  router.get("/", async (req, res) => {
    const shop = typeof req.query.shop === "string" ? req.query.shop : undefined;
    if (!shop && req.query.embedded !== "1") {
      res
        .type("text/plain")
        .send("Afterglow is running. Install it from Shopify admin: /api/auth?shop=your-shop.myshopify.com\n");
      return;
    }
    await serveAdmin(shop, res);
  });
  // Reloading the iframe on a screen (/coupons, /customers/42) serves the same app; the router takes it from there.
  // An explicit list, so other parts' pages outside /api are never taken for the admin's.
  router.get(adminScreenPaths, async (req, res) => {
    await serveAdmin(typeof req.query.shop === "string" ? req.query.shop : undefined, res);
  });
  return router;
}
