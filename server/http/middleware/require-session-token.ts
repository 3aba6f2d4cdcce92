// Verifies a Shopify session token (App Bridge or checkout extension) and puts the token's shop on the response.
import type { RequestHandler, Response } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { Shop } from "@prisma/client";
import { AppError } from "../../errors/app-error.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";

export interface SessionContext {
  shop: Shop;
  /** The token's subject: a staff member in the admin, a customer (or nothing) in checkout. */
  subject: string | undefined;
  /** The token itself, for token exchange (who the staff member is). */
  token: string;
}

const sessionKey = "afterglowSession";

/** The shop and subject a route may act for: only ever the token's own shop. */
export function sessionOf(res: Response): SessionContext {
  const context: unknown = res.locals[sessionKey];
  if (!context) throw new AppError("unauthorized", "No session token was verified for this request");
  return context as SessionContext;
}

/** Admin tokens carry `dest` as https://shop.myshopify.com, checkout tokens as the bare shop.myshopify.com. */
export function shopDomainOf(dest: unknown): string | undefined {
  if (typeof dest !== "string") return undefined;
  const host = /^https:\/\/[^/]+\/?$/.test(dest) ? dest.slice("https://".length).replace(/\/$/, "") : dest;
  return host && /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(host) ? host.toLowerCase() : undefined;
}

/** `cached`: the shop row may be up to a couple of seconds old (checkout polls); the admin reads it fresh. */
export function requireSessionToken(
  shopify: Shopify,
  shops: ShopRepository,
  options: { cached?: boolean } = {},
): RequestHandler {
  return async (req, res, next) => {
    // Several routers guard overlapping prefixes (/api/settings/...): verify once per request.
    if (res.locals[sessionKey]) return next();
    const header = req.get("authorization") ?? "";
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) throw new AppError("unauthorized", "A session token is required (Authorization: Bearer …)");
    // decodeSessionToken checks the signature (app secret), audience (API key), expiry and not-before.
    const payload = await shopify.session.decodeSessionToken(token).catch(() => {
      throw new AppError("unauthorized", "The session token is invalid or expired");
    });
    // jose checks exp only when present; a token that never expires is not one Shopify issues.
    if (typeof payload.exp !== "number") throw new AppError("unauthorized", "The session token has no expiry");
    const domain = shopDomainOf(payload.dest);
    if (!domain) throw new AppError("unauthorized", "The session token names no shop");
    const shop = options.cached ? await shops.findByDomainCached(domain) : await shops.findByDomain(domain);
    if (!shop || shop.status !== "installed")
      throw new AppError("unauthorized", "This shop has not installed Afterglow");
    const context: SessionContext = { shop, subject: payload.sub, token };
    res.locals[sessionKey] = context;
    next();
  };
}
