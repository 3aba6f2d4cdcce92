// POST /api/webhooks: raw body, HMAC check, durable inbox row, 200 — no business work in the request.
import express, { Router } from "express";
import type { ReceiveWebhook } from "../../intake/receive-webhook.js";
import type { VerifyWebhook } from "../../shopify/verify-webhook.js";

export function webhooksRoute(deps: { verifyWebhook: VerifyWebhook; receiveWebhook: ReceiveWebhook }): Router {
  const router = Router();
  router.post("/api/webhooks", express.raw({ type: () => true, limit: "10mb" }), async (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    const webhook = await deps.verifyWebhook(req, res, rawBody);
    const outcome = await deps.receiveWebhook(webhook);
    res.status(200).json(outcome);
  });
  return router;
}
