// Signs a webhook body as Shopify does: base64 HMAC-SHA256 of the raw bytes keyed with the app's client secret.
import { createHmac } from "node:crypto";

export function signWebhookBody(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}
