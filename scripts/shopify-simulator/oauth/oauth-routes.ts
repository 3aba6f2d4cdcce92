// Serves Shopify's OAuth endpoints: the merchant approving an install, and the code-for-token exchange.
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { AppConfig } from "../app-config.js";
import type { SimStore } from "../state/sim-store.js";
import type { AppInstallations } from "./app-installations.js";
import type { StaffBook } from "../state/staff-book.js";
import { shopHostParam, signOAuthQuery } from "./sign-oauth-query.js";
import { exchangeSessionToken, TOKEN_EXCHANGE_GRANT } from "./token-exchange.js";

export interface OAuthRoutesDeps {
  config: AppConfig;
  apiKey: string;
  apiSecret: string;
  store: SimStore;
  installations: AppInstallations;
  staff: StaffBook;
}

const authorizeQuerySchema = z.object({
  client_id: z.string().min(1),
  scope: z.string().default(""),
  redirect_uri: z.string().url(),
  state: z.string().default(""),
  "grant_options[]": z.union([z.string(), z.array(z.string())]).optional(),
});

const tokenBodySchema = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  code: z.string(),
});

/** The app listens on a random port in tests, so only the path of a configured redirect URL must match. */
function redirectAllowed(config: AppConfig, redirectUri: string): boolean {
  const path = new URL(redirectUri).pathname;
  return config.redirectUrls.some((allowed) => new URL(allowed).pathname === path);
}

function authorize(deps: OAuthRoutesDeps, req: Request, res: Response): void {
  const shop = String(req.params.shop);
  if (!deps.store.findShop(shop)) {
    res.status(404).type("text").send(`There is no store at ${shop}`);
    return;
  }
  const parsed = authorizeQuerySchema.safeParse(req.query);
  if (!parsed.success) {
    res.status(400).type("text").send("Oauth error invalid_request: missing or malformed parameters");
    return;
  }
  const query = parsed.data;
  if (query.client_id !== deps.apiKey) {
    res
      .status(400)
      .type("text")
      .send("Oauth error invalid_request: Could not find Shopify API application with api_key");
    return;
  }
  if (!redirectAllowed(deps.config, query.redirect_uri)) {
    res.status(400).type("text").send("Oauth error invalid_request: The redirect_uri is not whitelisted");
    return;
  }
  const grantOptions = [query["grant_options[]"] ?? []].flat();
  const scopes = query.scope
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const params: Record<string, string> = {
    code: deps.installations.issueCode(shop, scopes, grantOptions.includes("per-user")),
    host: shopHostParam(shop),
    shop,
    state: query.state,
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.hmac = signOAuthQuery(params, deps.apiSecret);
  const target = new URL(query.redirect_uri);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  res.redirect(302, target.toString());
}

function onlineAccessFields(shop: string, scopes: string[]) {
  return {
    expires_in: 86_399,
    associated_user_scope: scopes.join(","),
    session: "sim-session",
    account_number: 0,
    associated_user: {
      id: 902_541_635,
      first_name: "Sim",
      last_name: "Owner",
      email: `owner@${shop}`,
      account_owner: true,
      locale: "en",
      collaborator: false,
      email_verified: true,
    },
  };
}

function exchangeToken(deps: OAuthRoutesDeps, req: Request, res: Response): void {
  const shop = String(req.params.shop);
  const grantType: unknown = (req.body as Record<string, unknown> | undefined)?.grant_type;
  if (grantType === TOKEN_EXCHANGE_GRANT) return exchangeSessionToken(deps, shop, req.body, res);
  const parsed = tokenBodySchema.safeParse(req.body);
  if (!parsed.success) {
    res
      .status(400)
      .json({ error: "invalid_request", error_description: "client_id, client_secret and code are required" });
    return;
  }
  const body = parsed.data;
  if (body.client_id !== deps.apiKey || body.client_secret !== deps.apiSecret) {
    res.status(400).json({ error: "invalid_client", error_description: "Client credentials are invalid" });
    return;
  }
  const grant = deps.installations.redeemCode(shop, body.code);
  if (!grant) {
    res.status(400).json({
      error: "invalid_request",
      error_description: "The authorization code was not found or was already used",
    });
    return;
  }
  const scope = grant.scopes.join(",");
  res.json(
    grant.online
      ? { access_token: grant.token, scope, ...onlineAccessFields(shop, grant.scopes) }
      : { access_token: grant.token, scope },
  );
}

export function oauthRoutes(deps: OAuthRoutesDeps): Router {
  const router = express.Router();
  router.get("/store/:shop/admin/oauth/authorize", (req, res) => authorize(deps, req, res));
  router.post(
    "/store/:shop/admin/oauth/access_token",
    express.json(),
    express.urlencoded({ extended: false }),
    (req, res) => exchangeToken(deps, req, res),
  );
  return router;
}
