// Sends the library's Shopify requests to another origin (dev and tests: the local simulator), by configuration only.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

let installedOrigin: string | undefined;

/**
 * Rewrites https://{host}{path} to {origin}/store/{host}{path}, keeping method, headers and body.
 * shopify-api has no base-URL option, but all of its HTTP goes through this one replaceable fetch.
 */
export function installShopifyOrigin(origin: string): void {
  if (installedOrigin === origin) return;
  installedOrigin = origin;
  const base = origin.replace(/\/$/, "");
  setAbstractFetchFunc(async (input, init) => {
    const original = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const target = `${base}/store/${original.host}${original.pathname}${original.search}`;
    return fetch(target, init);
  });
}

/** Maps a URL the app sends a browser to (https://{shop}/admin/...) onto the configured origin. */
export function browserUrlFor(url: string, origin: string | undefined): string {
  if (!origin) return url;
  const original = new URL(url);
  return `${origin.replace(/\/$/, "")}/store/${original.host}${original.pathname}${original.search}`;
}
