// Builds the HTTP request listener: webhook intake on the bare node:http path, everything else through Express.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import express from "express";
import type { Services } from "../create-services.js";
import { InboxBatchWriter } from "../intake/inbox-batch-writer.js";
import { createReceiveWebhook } from "../intake/receive-webhook.js";
import { enqueueInboxRows } from "../jobs/webhook-queue.js";
import { enqueueThankYouJobs } from "../jobs/thank-you-queue.js";
import { ShopDirectory } from "../intake/shop-directory.js";
import { createVerifyWebhook } from "../shopify/verify-webhook.js";
import { createErrorHandler } from "./middleware/error-handler.js";
import { analyticsRoutes } from "./routes/analytics-routes.js";
import { createActivityRepository } from "../domain/activity/activity-repository.js";
import { activityRoutes } from "./routes/activity-routes.js";
import { overviewRoutes } from "./routes/overview-routes.js";
import { authRoutes } from "./routes/auth-routes.js";
import { historyImportRoutes, startHistoryImport } from "./routes/history-import-routes.js";
import { createHistoryImportRepository } from "../domain/history-import/history-import-repository.js";
import { createHistoryImportQueue } from "../jobs/history-import-queue.js";
import { createAnalyticsRepository } from "../domain/analytics/analytics-repository.js";
import { campaignRoutes } from "./routes/campaign-routes.js";
import { complianceRoutes } from "./routes/compliance-routes.js";
import { createComplianceRequestRepository } from "../domain/compliance/compliance-request-repository.js";
import { checkoutCouponRoute } from "./routes/checkout-coupon-route.js";
import { couponListRoute } from "./routes/coupon-list-route.js";
import { createCouponListRepository } from "../domain/coupons/coupon-list-repository.js";
import { createCheckoutCouponLookup } from "../domain/coupons/checkout-coupon-lookup.js";
import { createCheckoutCouponService } from "../domain/coupons/checkout-coupon-service.js";
import { couponSettingsRoutes } from "./routes/coupon-settings-routes.js";
import { emailRouters } from "./routes/email-routers.js";
import { pointsAreaRoutes } from "./routes/points-area-routes.js";
import { healthRoutes } from "./routes/health-routes.js";
import { homeRoute } from "./routes/home-route.js";
import { loyaltySettingsRoutes } from "./routes/loyalty-settings-routes.js";
import { npsRoutes } from "./routes/nps-routes.js";
import { surveyRoutes } from "./routes/survey-routes.js";
import { unsubscribeRoutes } from "./routes/unsubscribe-routes.js";
import { shippingEstimateRoute } from "./routes/shipping-estimate-route.js";
import { shippingSettingsRoutes } from "./routes/shipping-settings-routes.js";
import { listRoutes, type RegisteredRoute } from "./list-routes.js";
import { createWebhookIntakeHandler, webhookPath } from "./webhook-intake-handler.js";

/** The listener, plus the routes Express has registered (the API auth test walks them). */
export type AppListener = RequestListener & { routes: () => RegisteredRoute[] };

export function createApp(services: Services): AppListener {
  const { logger, metrics, pool, queue } = services;
  const app = express();
  app.disable("x-powered-by");
  const shopDirectory = new ShopDirectory(pool);
  const writer = new InboxBatchWriter(pool, {
    onBatch: (rows, seconds) => {
      metrics.intakeBatchRows.observe(rows);
      metrics.intakeCommitSeconds.observe(seconds);
    },
    // The thank-you jobs first: they are what a shopper is waiting for. A lost one is covered by the row's own job.
    onCommitted: (rows) =>
      Promise.all([enqueueThankYouJobs(services.thankYouQueue, rows), enqueueInboxRows(queue, rows)]).then(
        () => undefined,
        (error: unknown) => {
          logger.warn({ err: error, count: rows.length }, "enqueue failed; the sweeper will enqueue these rows");
        },
      ),
  });
  const receiveWebhook = createReceiveWebhook({ writer, shops: shopDirectory, metrics, logger });
  const handleWebhook = createWebhookIntakeHandler({
    verifyWebhook: createVerifyWebhook([
      services.config.SHOPIFY_API_SECRET,
      services.config.SHOPIFY_API_SECRET_PREVIOUS ?? "",
    ]),
    receiveWebhook,
    logger,
  });
  app.use(...routers(services, shopDirectory));
  app.use(createErrorHandler(logger));
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "POST" && req.url === webhookPath) handleWebhook(req, res);
    else app(req, res);
  };
  return Object.assign(listener, { routes: () => listRoutes(app) });
}

/** The install-time history import: its progress routes, and the step that starts it after OAuth. */
function historyImport(services: Services) {
  const imports = createHistoryImportRepository(services.pool);
  const queue = createHistoryImportQueue(services.redis, services.config.REDIS_PREFIX);
  const deps = { shopify: services.shopify, shops: services.repositories.shops, imports, queue };
  return {
    router: historyImportRoutes(deps),
    afterInstall: async (domain: string) => {
      const shop = await services.repositories.shops.findByDomain(domain);
      if (shop) await startHistoryImport(deps, shop.id);
    },
  };
}

function routers(services: Services, shopDirectory: ShopDirectory) {
  const { metrics, pool, queue, logger } = services;
  const imports = historyImport(services);
  return [
    imports.router,
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
      afterInstall: imports.afterInstall,
    }),
    ...couponRouters(services),
    loyaltySettingsRoutes({
      shopify: services.shopify,
      shops: services.repositories.shops,
      loyaltySettings: services.repositories.loyaltySettings,
      redemptions: services.repositories.redemptions,
    }),
    ...shippingRouters(services),
    ...pointsAreaRoutes(services),
    ...adminRouters(services),
    ...surveyAndConsentRouters(services),
    ...emailRouters(services),
    campaignRoutes({
      shopify: services.shopify,
      shops: services.repositories.shops,
      campaignSettings: services.repositories.campaignSettings,
      campaignStats: services.repositories.campaignStats,
    }),
  ];
}

function couponRouters(services: Services) {
  const { shops, coupons } = services.repositories;
  return [
    checkoutCouponRoute({
      shopify: services.shopify,
      shops,
      checkoutCoupons: createCheckoutCouponService({
        lookup: createCheckoutCouponLookup(services.pool),
        shopShipping: (shopId) => services.repositories.shippingSettings.shopShipping(shopId),
      }),
      extensionOrigins: services.config.EXTENSION_ORIGINS,
    }),
    couponSettingsRoutes({ shopify: services.shopify, shops, coupons }),
    couponListRoute({ shopify: services.shopify, shops, couponList: createCouponListRepository(services.pool) }),
  ];
}

function shippingRouters(services: Services) {
  const { shops, shippingSettings } = services.repositories;
  return [
    shippingSettingsRoutes({ shopify: services.shopify, shops, shippingSettings }),
    shippingEstimateRoute({ shopify: services.shopify, shops, shipping: services.shipping }),
  ];
}

/** The embedded admin: its pages and assets, and the API its Home and Activity screens read. */
function adminRouters(services: Services) {
  const { shopify, prisma, queue } = services;
  const shops = services.repositories.shops;
  return [
    overviewRoutes({ shopify, shops, prisma }),
    activityRoutes({ shopify, shops, activity: createActivityRepository(prisma), queue }),
    complianceRoutes({ shopify, shops, records: createComplianceRequestRepository(services.pool) }),
    homeRoute(services),
  ];
}

function surveyAndConsentRouters(services: Services) {
  const { shops, npsResponses } = services.repositories;
  const findShop = (shopId: number) => services.prisma.shop.findUnique({ where: { id: shopId } });
  return [
    surveyRoutes({
      signer: services.emailLinks,
      responses: npsResponses,
      findShop,
      orderExists: async (shopId, shopifyOrderId) =>
        (await services.prisma.order.count({ where: { shopId, shopifyOrderId } })) > 0,
    }),
    npsRoutes({ shopify: services.shopify, shops, responses: npsResponses }),
    analyticsRoutes({
      shopify: services.shopify,
      shops,
      npsResponses,
      analytics: createAnalyticsRepository(services.pool),
    }),
    unsubscribeRoutes({ signer: services.emailLinks, consents: services.repositories.emailConsents, findShop }),
  ];
}
