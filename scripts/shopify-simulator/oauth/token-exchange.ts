// Shopify's token exchange: an embedded app trades an App Bridge session token for an access token; an online one
// names the staff member (associated_user), as https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange describes.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Response } from "express";
import { z } from "zod";
import { associatedUser, type StaffBook } from "../state/staff-book.js";
import type { AppInstallations } from "./app-installations.js";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";

export interface TokenExchangeDeps {
  apiKey: string;
  apiSecret: string;
  installations: AppInstallations;
  staff: StaffBook;
}

const exchangeBodySchema = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  grant_type: z.literal(TOKEN_EXCHANGE_GRANT),
  subject_token: z.string(),
  subject_token_type: z.literal(ID_TOKEN_TYPE),
  requested_token_type: z.enum([ONLINE, OFFLINE]),
});

const claimsSchema = z.object({ aud: z.string(), dest: z.string(), sub: z.string().optional(), exp: z.number() });

/** The session token's claims when it is signed with the app's secret, for this app and shop, and not expired. */
function verifiedClaims(deps: TokenExchangeDeps, shop: string, token: string) {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const expected = createHmac("sha256", deps.apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  if (!claims.success) return undefined;
  const { aud, dest, exp } = claims.data;
  if (aud !== deps.apiKey || dest !== `https://${shop}` || exp * 1000 < Date.now()) return undefined;
  return claims.data;
}

function refuse(res: Response, error: string, description: string): void {
  res.status(400).json({ error, error_description: description });
}

export function exchangeSessionToken(deps: TokenExchangeDeps, shop: string, body: unknown, res: Response): void {
  const parsed = exchangeBodySchema.safeParse(body);
  if (!parsed.success) return refuse(res, "invalid_request", "The token exchange request is malformed");
  const request = parsed.data;
  if (request.client_id !== deps.apiKey || request.client_secret !== deps.apiSecret) {
    return refuse(res, "invalid_client", "Client credentials are invalid");
  }
  const claims = verifiedClaims(deps, shop, request.subject_token);
  if (!claims) return refuse(res, "invalid_subject_token", "The subject token could not be verified");
  if (!deps.installations.isInstalled(shop)) return refuse(res, "invalid_request", "The app is not installed");
  if (request.requested_token_type === OFFLINE) {
    const grant = deps.installations.grantDirectly(shop, deps.installations.scopesOf(shop));
    res.json({ access_token: grant.token, scope: grant.scopes.join(",") });
    return;
  }
  const member = deps.staff.find(shop, Number(claims.sub));
  if (!member) return refuse(res, "invalid_subject_token", "The subject token's user is not a staff member");
  const grant = deps.installations.grantOnline(shop, deps.installations.scopesOf(shop));
  res.json({
    access_token: grant.token,
    scope: grant.scopes.join(","),
    expires_in: 86_399,
    associated_user_scope: grant.scopes.join(","),
    associated_user: associatedUser(member),
  });
}
