// Shoppers' points: the storefront through Shopify's app proxy, the order-status extension with its session token.
import express, { Router } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../../errors/app-error.js";
import type { ShopRepository } from "../../domain/shops/shop-repository.js";
import { appProxyOf, requireAppProxySignature } from "../middleware/require-app-proxy-signature.js";
import { allowExtensionOrigins } from "../middleware/allow-extension-origins.js";
import { requireSessionToken, sessionOf } from "../middleware/require-session-token.js";
import { birthdayInput, saveBirthday, type SetBirthday } from "./birthday-handlers.js";
import {
  answerRedeem,
  languageOf,
  pointsAnswer,
  requireCustomer,
  type PointsHandlerDeps,
} from "./points-redemption-handlers.js";

export interface CustomerPointsRoutesDeps extends PointsHandlerDeps {
  shopify: Shopify;
  shops: ShopRepository;
  setBirthday: SetBirthday;
  /** The signed-in shopper's row, created when they set a birthday before any order or webhook told us of them. */
  customerIdFor: (shopId: number, shopifyCustomerId: bigint) => Promise<number>;
  extensionOrigins: readonly string[];
}

/** A checkout token's `sub` is gid://shopify/Customer/N for a signed-in buyer and absent for a guest. */
function checkoutCustomer(subject: string | undefined): bigint | null {
  const match = /^gid:\/\/shopify\/Customer\/(\d{1,20})$/.exec(subject ?? "");
  return match?.[1] ? BigInt(match[1]) : null;
}

const bodies = [express.json({ limit: "8kb" }), express.urlencoded({ extended: false, limit: "8kb" })];

export function customerPointsRoutes(deps: CustomerPointsRoutesDeps): Router {
  const router = Router();
  router.use("/api/proxy", requireAppProxySignature(deps.shopify, deps.shops));
  router.get("/api/proxy/points", async (req, res) => {
    const { shop, shopifyCustomerId } = appProxyOf(res);
    res.set("Cache-Control", "no-store");
    res.json(await pointsAnswer(deps, shop, requireCustomer(shopifyCustomerId, languageOf(req))));
  });
  router.post("/api/proxy/redeem", ...bodies, async (req, res) => {
    const { shop, shopifyCustomerId } = appProxyOf(res);
    const customer = requireCustomer(shopifyCustomerId, languageOf(req));
    await answerRedeem(deps, req, res, { shop, shopifyCustomerId: customer, source: "app_proxy" });
  });
  // The customer is the signed logged_in_customer_id: a shopper can only ever set their own birthday.
  router.post("/api/proxy/birthday", ...bodies, async (req, res) => {
    const { shop, shopifyCustomerId } = appProxyOf(res);
    const language = languageOf(req);
    const customer = requireCustomer(shopifyCustomerId, language);
    const input = birthdayInput(req, language);
    const customerId = await deps.customerIdFor(shop.id, customer);
    res.set("Cache-Control", "no-store");
    res.json(await saveBirthday(deps.setBirthday, customerId, input, language));
  });

  router.use(
    "/api/extension/points",
    allowExtensionOrigins(deps.extensionOrigins, ["GET", "POST"]),
    requireSessionToken(deps.shopify, deps.shops),
  );
  router.get("/api/extension/points", async (req, res) => {
    const { shop, subject } = sessionOf(res);
    res.set("Cache-Control", "no-store");
    res.json(await pointsAnswer(deps, shop, requireCustomer(checkoutCustomer(subject), languageOf(req))));
  });
  router.post("/api/extension/points/redeem", express.json({ limit: "8kb" }), async (req, res) => {
    const { shop, subject } = sessionOf(res);
    const customer = requireCustomer(checkoutCustomer(subject), languageOf(req));
    await answerRedeem(deps, req, res, { shop, shopifyCustomerId: customer, source: "checkout" });
  });
  router.all("/api/proxy/{*rest}", () => {
    throw new AppError("not_found", "No such storefront page");
  });
  return router;
}
