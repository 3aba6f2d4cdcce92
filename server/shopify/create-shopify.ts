// Configures @shopify/shopify-api for this app; every Shopify call in the app goes through it.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi, type Shopify } from "@shopify/shopify-api";
import type { AppConfig } from "../config/load-config.js";
import { installShopifyFetch } from "./shopify-fetch.js";

export type { Shopify };

/** The Admin API version the app and its webhook payloads are pinned to (shopify.app.toml says the same). */
export const pinnedApiVersion = ApiVersion.October26;

export function createShopify(config: AppConfig): Shopify {
  installShopifyFetch(config.SHOPIFY_API_ORIGIN);
  const appUrl = new URL(config.APP_URL);
  return shopifyApi({
    apiKey: config.SHOPIFY_API_KEY,
    apiSecretKey: config.SHOPIFY_API_SECRET,
    scopes: config.SCOPES.split(","),
    hostName: appUrl.host,
    hostScheme: appUrl.protocol === "http:" ? "http" : "https",
    apiVersion: pinnedApiVersion,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Warning, log: async () => undefined },
  });
}
