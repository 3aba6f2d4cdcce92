// Signs app proxy query parameters as Shopify does: hex HMAC-SHA256 over sorted `key=value` pairs, no separator.
import { createHmac } from "node:crypto";

/** Every parameter except `signature`, sorted by key; a repeated key's values are joined with commas. */
export function signAppProxyQuery(params: Record<string, string | string[]>, secret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== "signature")
    .sort((a, b) => a.localeCompare(b))
    .map((key) => {
      const value = params[key] ?? "";
      return `${key}=${Array.isArray(value) ? value.join(",") : value}`;
    })
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}
