// CORS for the endpoints Shopify's UI extensions call: only the configured extension origins are answered.
import type { RequestHandler } from "express";

/**
 * Checkout and customer-account extensions run in Shopify's sandbox (https://extensions.shopifycdn.com) and send a
 * bearer token, never cookies. Other origins get no Access-Control-Allow-Origin, so browsers refuse them; requests
 * without an Origin (servers, curl) still need a valid session token to learn anything.
 */
export function allowExtensionOrigins(origins: readonly string[], methods: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const allowMethods = [...methods, "OPTIONS"].join(", ");
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.get("origin");
    if (origin !== undefined && allowed.has(origin)) {
      res.set({
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Headers": "Authorization, Content-Type",
        "Access-Control-Allow-Methods": allowMethods,
        "Access-Control-Max-Age": "86400",
      });
    }
    if (req.method === "OPTIONS") res.status(204).end();
    else next();
  };
}
