// Builds the Express app: health, webhooks intake, OAuth; one error handler at the end.
import express, { type Express } from "express";
import type { Services } from "../create-services.js";
import { InboxBatchWriter } from "../intake/inbox-batch-writer.js";
import { createReceiveWebhook } from "../intake/receive-webhook.js";
import { ShopDirectory } from "../intake/shop-directory.js";
import { enqueueInboxRows } from "../jobs/webhook-queue.js";
import { createVerifyWebhook } from "../shopify/verify-webhook.js";
import { createErrorHandler } from "./middleware/error-handler.js";
import { authRoutes } from "./routes/auth-routes.js";
import { healthRoutes } from "./routes/health-routes.js";
import { homeRoute } from "./routes/home-route.js";
import { webhooksRoute } from "./routes/webhooks-route.js";

export function createApp(services: Services): Express {
  const { logger, metrics, pool, queue } = services;
  const app = express();
  app.disable("x-powered-by");
  const shopDirectory = new ShopDirectory(pool);
  const writer = new InboxBatchWriter(pool, {
    onCommitted: async (rows) => {
      await enqueueInboxRows(queue, rows).catch((error: unknown) => {
        logger.warn({ err: error, count: rows.length }, "enqueue failed; the sweeper will enqueue these rows");
        throw error;
      });
    },
  });
  const receiveWebhook = createReceiveWebhook({ writer, shops: shopDirectory, metrics, logger });
  app.use(
    webhooksRoute({ verifyWebhook: createVerifyWebhook(services.shopify), receiveWebhook }),
    healthRoutes({
      pool,
      redis: services.redis,
      registry: metrics.registry,
      beforeMetrics: async () => {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
        for (const [state, count] of Object.entries(counts)) metrics.queueDepth.set({ state }, count);
      },
    }),
    authRoutes({
      shopify: services.shopify,
      sessionStorage: services.sessionStorage,
      shops: services.repositories.shops,
      shopDirectory,
      logger,
    }),
    homeRoute(services),
  );
  app.use(createErrorHandler(logger));
  return app;
}
