// Produces the exact headers and body of one Shopify webhook request, for the simulator and the benchmark.
import { randomUUID } from "node:crypto";
import { signWebhookBody } from "./sign-webhook-body.js";

export interface BuildSignedWebhookInput {
  shop: string;
  topic: string;
  /** Serialised with JSON.stringify unless `body` is given. */
  payload?: unknown;
  body?: string;
  secret: string;
  apiVersion: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: Date;
}

export interface SignedWebhook {
  headers: Record<string, string>;
  body: string;
}

export function buildSignedWebhook(input: BuildSignedWebhookInput): SignedWebhook {
  const body = input.body ?? JSON.stringify(input.payload ?? {});
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": signWebhookBody(body, input.secret),
      "X-Shopify-Topic": input.topic,
      "X-Shopify-Shop-Domain": input.shop,
      "X-Shopify-API-Version": input.apiVersion,
      "X-Shopify-Webhook-Id": input.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": input.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": (input.triggeredAt ?? new Date()).toISOString(),
    },
  };
}
