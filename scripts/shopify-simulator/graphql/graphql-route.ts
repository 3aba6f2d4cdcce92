// Serves POST /store/:shop/admin/api/:version/graphql.json, authenticated by X-Shopify-Access-Token.
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { AppConfig } from "../app-config.js";
import type { AppInstallations } from "../oauth/app-installations.js";
import type { SimStore } from "../state/sim-store.js";
import type { AdminSchema } from "./admin-schema.js";
import { executeAdminQuery } from "./execute-admin-query.js";
import type { LeakyBucket } from "./leaky-bucket.js";

export interface GraphQLRouteDeps {
  admin: AdminSchema;
  store: SimStore;
  installations: AppInstallations;
  config: AppConfig;
  bucketFor: (shop: string) => LeakyBucket;
}

const requestSchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

async function handle(deps: GraphQLRouteDeps, req: Request, res: Response): Promise<void> {
  const shopDomain = String(req.params.shop);
  const token = req.header("x-shopify-access-token") ?? "";
  const grant = deps.installations.tokenGrant(token);
  const shop = deps.store.findShop(shopDomain);
  if (!grant || grant.shop !== shopDomain || !shop) {
    res.status(401).json(INVALID_TOKEN);
    return;
  }
  const parsed = requestSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ errors: { query: "Required parameter missing or invalid" } });
    return;
  }
  const ctx = {
    store: deps.store,
    shop,
    scopes: grant.scopes,
    config: deps.config,
    installedAt: deps.installations.installedAt(shopDomain) ?? shop.createdAt,
  };
  const bucket = deps.bucketFor(shopDomain);
  res.json(await executeAdminQuery(deps.admin, parsed.data, ctx, bucket));
}

export function graphqlRoute(deps: GraphQLRouteDeps): Router {
  const router = express.Router();
  router.post("/store/:shop/admin/api/:version/graphql.json", express.json({ limit: "1mb" }), (req, res, next) => {
    handle(deps, req, res).catch(next);
  });
  return router;
}
