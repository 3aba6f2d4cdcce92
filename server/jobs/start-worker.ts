// Starts a BullMQ worker on the webhook queue plus the inbox sweeper; close() drains in-flight jobs.
import { Worker } from "bullmq";
import type { Services } from "../create-services.js";
import { couponQueueName, enqueueCoupons, type CouponJobData } from "./coupon-queue.js";
import { createRedis } from "./create-redis.js";
import { createIssueCouponJob } from "./issue-coupon-job.js";
import { emailQueueName, type EmailJobData } from "./email-queue.js";
import { emailLanguageOf } from "../domain/email-links/email-language.js";
import { prepareEmailData } from "../domain/emails/prepare-email-data.js";
import { surveyLinks } from "../domain/nps/survey-links.js";
import { createSendEmailJob } from "./send-email-job.js";
import { sweepOutbox } from "./sweep-outbox.js";
import { deliveryWindowFrom, emailWebhookHandlers, orderLanguageFrom } from "./email-webhook-handlers.js";
import { chainHandlers } from "./handlers/chain-handlers.js";
import { handleAppUninstalled } from "./handlers/handle-app-uninstalled.js";
import { complianceHandlers } from "./handlers/handle-compliance-request.js";
import { createComplianceRequestRepository } from "../domain/compliance/compliance-request-repository.js";
import { createComplianceService } from "../domain/compliance/compliance-service.js";
import { handleCustomerCreated } from "./handlers/handle-customer-created.js";
import { handleOrderEvent } from "./handlers/handle-order-event.js";
import { withConsentRecording } from "./handlers/record-consent-then.js";
import { withDeliveryTracking } from "./handlers/track-delivery-then.js";
import { deliveryTrackingDeps, startDelayedCheckWorker } from "./start-delayed-check-worker.js";
import { handleRefundCreated } from "./handlers/handle-refund-created.js";
import { createLoyaltyJob } from "./loyalty-job.js";
import { createIssueMilestoneCouponJob } from "./issue-milestone-coupon-job.js";
import { createMilestoneCouponRepository } from "../domain/loyalty/milestone-coupon-repository.js";
import { loyaltyQueueName, scheduleDailyLoyalty, type LoyaltyJobData } from "./loyalty-queue.js";
import { startInboxSweeper } from "./inbox-sweeper.js";
import { startPointsWorker } from "./start-points-worker.js";
import { startHistoryImportWorker } from "./start-history-import-worker.js";
import { startCampaignWorker } from "./start-campaign-worker.js";
import { createProcessWebhookJob } from "./process-webhook-job.js";
import type { WebhookHandler } from "./webhook-handler.js";
import { webhookQueueName, type WebhookJobData } from "./webhook-queue.js";
import type { WebhookTopic } from "./webhook-topics.js";

export function webhookHandlers(services: Services): Partial<Record<WebhookTopic, WebhookHandler>> {
  const { customers, orders, shops, coupons } = services.repositories;
  const countPreviousOrders = orders.countPreviousOrders;
  const orderEvent = handleOrderEvent({
    customers,
    orders,
    orderPoints: services.loyalty.orderPoints,
    coupons,
    countPreviousOrders,
    enqueueCoupon: (couponId) => enqueueCoupons(services.couponQueue, [couponId]),
    campaignOrders: services.repositories.campaignOrders,
  });
  const compliance = complianceHandlers(createComplianceService(createComplianceRequestRepository(services.pool)));
  const emails = emailWebhookHandlers(services, countPreviousOrders);
  const handlers = withConsentRecording(services.repositories.emailConsents, {
    "orders/create": chainHandlers(orderEvent, emails.orderEmails),
    "orders/paid": chainHandlers(orderEvent, emails.orderEmails),
    "orders/cancelled": orderEvent,
    "fulfillments/create": emails.fulfillmentEmails,
    "fulfillments/update": emails.fulfillmentEmails,
    "refunds/create": handleRefundCreated(services.loyalty.orderPoints),
    "customers/create": handleCustomerCreated(customers, services.loyalty.rewards),
    "app/uninstalled": handleAppUninstalled({
      shops,
      deleteSessions: async (domain) => {
        const sessions = await services.sessionStorage.findSessionsByShop(domain);
        await services.sessionStorage.deleteSessions(sessions.map((session) => session.id));
      },
    }),
    ...compliance,
  });
  return withDeliveryTracking(deliveryTrackingDeps(services), handlers);
}

function startCouponWorker(services: Services, connection: ReturnType<typeof createRedis>): Worker<CouponJobData> {
  const { config, logger } = services;
  const process = createIssueCouponJob({
    coupons: services.repositories.coupons,
    discounts: services.discounts,
    customerOrders: services.customerOrders,
    logger,
  });
  const worker = new Worker<CouponJobData>(couponQueueName, process, {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
  });
  worker.on("error", (error) => logger.error({ err: error }, "coupon worker error"));
  return worker;
}

/** Pending coupons whose job Redis lost are queued again, like unfinished inbox rows. */
async function sweepPendingCoupons(services: Services, olderThan: Date): Promise<number> {
  const stale = await services.prisma.coupon.findMany({
    where: { status: "pending", createdAt: { lt: olderThan } },
    select: { id: true },
    take: 1000,
  });
  await enqueueCoupons(
    services.couponQueue,
    stale.map((coupon) => coupon.id),
  );
  return stale.length;
}

function startEmailWorker(services: Services, connection: ReturnType<typeof createRedis>): Worker<EmailJobData> {
  const { config, logger, repositories } = services;
  const process = createSendEmailJob({
    prisma: services.prisma,
    outbox: repositories.emailOutbox,
    settings: repositories.emailSettings,
    templates: repositories.emailTemplates,
    mailer: services.mailer,
    prepare: (email) =>
      prepareEmailData(
        {
          coupons: repositories.coupons,
          deliveryWindow: deliveryWindowFrom(services),
          orderLanguage: orderLanguageFrom(services),
          surveyLinks: (order, sentAt) =>
            surveyLinks(
              services.emailLinks,
              config.APP_URL,
              { ...order, language: emailLanguageOf(order.language) },
              sentAt,
            ),
        },
        email,
      ),
    permission: (email) =>
      services.sendPermission({
        shopId: email.shopId,
        to: email.toAddress,
        language: email.language,
        promotional: email.promotional,
      }),
    logger,
    fromAddress: config.EMAIL_FROM,
    messageIdHost: new URL(config.APP_URL).hostname,
    retryBaseMs: config.EMAIL_RETRY_BASE_MS,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
  });
  const worker = new Worker<EmailJobData>(emailQueueName, process, {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
  });
  worker.on("error", (error) => logger.error({ err: error }, "email worker error"));
  return worker;
}

function startLoyaltyWorker(services: Services, connection: ReturnType<typeof createRedis>): Worker<LoyaltyJobData> {
  const { config, logger } = services;
  const issueMilestoneCoupon = createIssueMilestoneCouponJob({
    milestoneCoupons: createMilestoneCouponRepository(services.pool),
    discounts: services.discounts,
    enqueueEmail: services.enqueueEmail,
    logger,
  });
  const process = createLoyaltyJob({ pool: services.pool, ...services.loyalty, issueMilestoneCoupon, logger });
  const worker = new Worker<LoyaltyJobData>(loyaltyQueueName, process, {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
  });
  worker.on("error", (error) => logger.error({ err: error }, "loyalty worker error"));
  scheduleDailyLoyalty(services.loyaltyQueue).catch((error: unknown) =>
    logger.warn({ err: error }, "could not schedule the daily loyalty run; the next worker start retries"),
  );
  return worker;
}

/** Work besides inbox rows that must survive Redis losing its contents: coupons, emails, points maturing. */
async function sweepOtherWork(services: Services, olderThan: Date): Promise<number> {
  return (
    (await sweepPendingCoupons(services, olderThan)) +
    (await sweepOutbox(services.repositories.emailOutbox, services.emailQueue, olderThan)) +
    (await services.loyalty.orderPoints.matureDue(olderThan))
  );
}

export interface RunningWorker {
  worker: Worker<WebhookJobData>;
  couponWorker: Worker<CouponJobData>;
  emailWorker: Worker<EmailJobData>;
  loyaltyWorker: Worker<LoyaltyJobData>;
  close(): Promise<void>;
}

export function startWorker(services: Services, options: { sweeper?: boolean } = {}): RunningWorker {
  const { config, logger } = services;
  const connection = createRedis(config.REDIS_URL, "worker");
  const process = createProcessWebhookJob({
    inbox: services.repositories.inbox,
    shops: services.repositories.shops,
    handlers: webhookHandlers(services),
    metrics: services.metrics,
    logger,
  });
  const worker = new Worker<WebhookJobData>(webhookQueueName, process, {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
  });
  worker.on("error", (error) => logger.error({ err: error }, "worker error"));
  const couponWorker = startCouponWorker(services, connection);
  const emailWorker = startEmailWorker(services, connection);
  const pointsWorker = startPointsWorker(services, connection);
  const delayedCheckWorker = startDelayedCheckWorker(services, connection);
  const loyaltyWorker = startLoyaltyWorker(services, connection);
  const historyImportWorker = startHistoryImportWorker(services, connection);
  const campaignWorker = startCampaignWorker(services, connection);
  const sweeper =
    options.sweeper === false
      ? undefined
      : startInboxSweeper(
          services.repositories.inbox,
          services.queue,
          (olderThan) => sweepOtherWork(services, olderThan),
          { olderThanMs: config.SWEEP_AFTER_SECONDS * 1000, intervalMs: config.SWEEP_INTERVAL_SECONDS * 1000 },
          logger,
        );
  return {
    worker,
    couponWorker,
    emailWorker,
    loyaltyWorker,
    async close() {
      await sweeper?.stop();
      await Promise.all([
        worker.close(),
        couponWorker.close(),
        emailWorker.close(),
        pointsWorker.close(),
        loyaltyWorker.close(),
        historyImportWorker.close(),
        campaignWorker.close(),
      ]);
      await delayedCheckWorker.close();
      connection.disconnect();
    },
  };
}
