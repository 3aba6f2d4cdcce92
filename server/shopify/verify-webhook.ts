// Verifies a webhook's HMAC and headers through @shopify/shopify-api and returns its typed fields.
import type { Request, Response } from "express";
import type { Shopify } from "@shopify/shopify-api";
import { AppError } from "../errors/app-error.js";
import type { VerifiedWebhook } from "../intake/receive-webhook.js";

export function createVerifyWebhook(shopify: Shopify) {
  return async function verifyWebhook(req: Request, res: Response, rawBody: string): Promise<VerifiedWebhook> {
    if (!req.get("x-shopify-hmac-sha256")) {
      throw new AppError("unauthorized", "Missing X-Shopify-Hmac-Sha256 header");
    }
    const check = await shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
    if (!check.valid) {
      if (check.reason === "invalid_hmac") throw new AppError("unauthorized", "Webhook HMAC does not match");
      const missing = "missingHeaders" in check ? check.missingHeaders.join(", ") : check.reason;
      throw new AppError("bad_request", `Webhook headers missing: ${missing}`);
    }
    return {
      shopDomain: check.domain,
      // The raw header keeps Shopify's "orders/paid" spelling; the library's copy is upper-cased.
      topic: req.get("x-shopify-topic") ?? check.topic,
      webhookId: check.webhookId,
      eventId: req.get("x-shopify-event-id") ?? null,
      triggeredAt: req.get("x-shopify-triggered-at") ?? null,
      apiVersion: check.apiVersion,
      rawBody,
    };
  };
}

export type VerifyWebhook = ReturnType<typeof createVerifyWebhook>;
