// OAuth install: /api/auth starts it, /api/auth/callback stores the session and marks the shop installed.
import { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import type { Logger } from "pino";
import { AppError } from "../../errors/app-error.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import type { ShopDirectory } from "../../intake/shop-directory.js";
import { fetchShopDetails } from "../../shopify/fetch-shop-details.js";

export interface AuthDeps {
  shopify: Shopify;
  sessionStorage: SessionStorage;
  shops: ShopRepository;
  shopDirectory: ShopDirectory;
  logger: Logger;
  /** Runs once the shop is marked installed (the history import starts here); a failure is logged, not shown. */
  afterInstall?: (shopDomain: string) => Promise<void>;
}

export function authRoutes(deps: AuthDeps): Router {
  const router = Router();
  router.get("/api/auth", async (req, res) => {
    const shop = deps.shopify.utils.sanitizeShop(String(req.query.shop ?? ""));
    if (!shop) throw new AppError("bad_request", "A valid ?shop=name.myshopify.com is required");
    await deps.shopify.auth.begin({
      shop,
      callbackPath: "/api/auth/callback",
      isOnline: false,
      rawRequest: req,
      rawResponse: res,
    });
  });
  router.get("/api/auth/callback", async (req, res) => {
    const { session } = await deps.shopify.auth
      .callback({ rawRequest: req, rawResponse: res })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, "OAuth callback refused");
        throw new AppError("unauthorized", "The install could not be verified; start it again from Shopify admin");
      });
    await deps.sessionStorage.storeSession(session);
    const details = await fetchShopDetails(deps.shopify, session).catch((error: unknown) => {
      deps.logger.warn({ err: error, shop: session.shop }, "shop details unavailable at install; kept defaults");
      return null;
    });
    await deps.shops.markInstalled(session.shop, session.scope ?? "", details);
    deps.shopDirectory.forget(session.shop);
    deps.logger.info({ shop: session.shop, scopes: session.scope }, "app installed");
    await deps.afterInstall?.(session.shop).catch((error: unknown) => {
      deps.logger.warn({ err: error, shop: session.shop }, "after-install step failed");
    });
    const host = typeof req.query.host === "string" ? req.query.host : "";
    res.redirect(`/?shop=${encodeURIComponent(session.shop)}&host=${encodeURIComponent(host)}`);
  });
  return router;
}
