// Signs OAuth callback query parameters as Shopify does, and builds the `host` parameter admin URLs carry.
import { createHmac } from "node:crypto";

/** Hex HMAC-SHA256 over `k=v&...` of every parameter except hmac/signature, sorted by key. */
export function signOAuthQuery(params: Record<string, string>, secret: string): string {
  const sorted = new URLSearchParams();
  for (const key of Object.keys(params).sort((a, b) => a.localeCompare(b))) {
    if (key === "hmac" || key === "signature") continue;
    sorted.append(key, params[key] ?? "");
  }
  return createHmac("sha256", secret).update(sorted.toString()).digest("hex");
}

/**
 * Base64 of "admin.shopify.com/store/{name}" without padding. Standard alphabet, not base64url:
 * @shopify/shopify-api's sanitizeHost accepts only [A-Za-z0-9+/] and rejects '-' or '_'.
 */
export function shopHostParam(shopDomain: string): string {
  const name = shopDomain.replace(/\.myshopify\.com$/, "");
  return Buffer.from(`admin.shopify.com/store/${name}`).toString("base64").replace(/=+$/, "");
}
