// The template-app baseline: verify, then do the order's whole work inside the request before answering.
import express from "express";
import { loadConfig } from "../server/config/load-config.js";
import { createServices } from "../server/create-services.js";
import { createErrorHandler } from "../server/http/middleware/error-handler.js";
import { webhookHandlers } from "../server/jobs/webhook-handlers.js";
import { createVerifyWebhook } from "../server/shopify/verify-webhook.js";

const config = loadConfig();
const services = createServices(config);
const verifyWebhook = createVerifyWebhook([config.SHOPIFY_API_SECRET]);
const handlers = webhookHandlers(services);
const app = express();
app.post("/api/webhooks", express.raw({ type: () => true, limit: "10mb" }), async (req, res) => {
  const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const webhook = verifyWebhook(req.headers, rawBody);
  const shop = await services.repositories.shops.findByDomain(webhook.shopDomain);
  const handler = handlers["orders/paid"];
  if (!shop || !handler) throw new Error("bench shop or handler missing");
  const result = await handler(JSON.parse(webhook.rawBody.toString("utf8")), {
    shop,
    topic: webhook.topic,
    webhookId: webhook.webhookId,
    triggeredAt: null,
    logger: services.logger,
  });
  res.status(200).json(result);
});
app.use(createErrorHandler(services.logger));
app.listen(config.PORT, "127.0.0.1", () => console.log(`sync baseline on ${config.PORT}`));
