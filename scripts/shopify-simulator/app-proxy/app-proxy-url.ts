// The URL Shopify's app proxy forwards a storefront request to: the app's proxy URL plus the signed parameters.
import type { AppConfig } from "../app-config.js";
import { signAppProxyQuery } from "./sign-app-proxy-query.js";

export interface AppProxyRequestInput {
  /** The path after /{prefix}/{subpath}, e.g. "/redeem". */
  path: string;
  /** The signed-in shopper; Shopify sends an empty logged_in_customer_id for a guest. */
  customerId?: number | null;
  /** The storefront's own query parameters, forwarded and signed with Shopify's. */
  query?: Record<string, string>;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
}

export function appProxyUrl(
  config: AppConfig,
  appUrl: string,
  secret: string,
  shop: string,
  input: AppProxyRequestInput,
): URL {
  if (!config.appProxy) throw new Error("shopify.app.toml has no [app_proxy] section");
  const { url, prefix, subpath } = config.appProxy;
  const params: Record<string, string> = {
    ...input.query,
    shop,
    logged_in_customer_id: input.customerId == null ? "" : String(input.customerId),
    path_prefix: `/${prefix}/${subpath}`,
    timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  const target = new URL(`${url.replace(/\/$/, "")}${input.path}`, appUrl);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  target.searchParams.set("signature", signAppProxyQuery(params, secret));
  return target;
}
