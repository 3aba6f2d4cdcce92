// Verifies Shopify's app proxy signature and puts the shop and the signed-in customer (if any) on the response.
import type { RequestHandler, Response } from "express";
import type { Shopify } from "@shopify/shopify-api";
import type { Shop } from "@prisma/client";
import { AppError } from "../../errors/app-error.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";

export interface AppProxyContext {
  shop: Shop;
  /** logged_in_customer_id: Shopify signs it, so a shopper cannot claim another customer's id. */
  shopifyCustomerId: bigint | null;
}

const contextKey = "afterglowAppProxy";

export function appProxyOf(res: Response): AppProxyContext {
  const context: unknown = res.locals[contextKey];
  if (!context) throw new AppError("unauthorized", "No app proxy signature was verified for this request");
  return context as AppProxyContext;
}

/** The library checks the signature over every query parameter and that the timestamp is within 90 seconds. */
export function requireAppProxySignature(shopify: Shopify, shops: ShopRepository): RequestHandler {
  return async (req, res, next) => {
    const query = new URLSearchParams(req.originalUrl.split("?")[1] ?? "");
    const valid = await shopify.utils.validateHmac(query, { signator: "appProxy" }).catch(() => false);
    if (!valid) throw new AppError("unauthorized", "The app proxy signature is missing or invalid");
    const shop = await shops.findByDomain(query.get("shop") ?? "");
    if (!shop || shop.status !== "installed")
      throw new AppError("unauthorized", "This shop has not installed Afterglow");
    const customer = query.get("logged_in_customer_id") ?? "";
    const context: AppProxyContext = { shop, shopifyCustomerId: /^\d{1,20}$/.test(customer) ? BigInt(customer) : null };
    res.locals[contextKey] = context;
    next();
  };
}
