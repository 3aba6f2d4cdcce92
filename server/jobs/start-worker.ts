// Starts every BullMQ worker of a worker process plus the inbox sweeper; close() drains in-flight jobs.
import type { Worker } from "bullmq";
import type { Services } from "../create-services.js";
import type { CouponJobData } from "./coupon-queue.js";
import { createRedis } from "./create-redis.js";
import type { EmailJobData } from "./email-queue.js";
import { startInboxSweeper } from "./inbox-sweeper.js";
import type { LoyaltyJobData } from "./loyalty-queue.js";
import { createProcessWebhookJob } from "./process-webhook-job.js";
import { startCampaignWorker } from "./start-campaign-worker.js";
import { startCouponWorker, sweepPendingCoupons } from "./start-coupon-worker.js";
import { startDelayedCheckWorker } from "./start-delayed-check-worker.js";
import { startEmailWorker } from "./start-email-worker.js";
import { startHistoryImportWorker } from "./start-history-import-worker.js";
import { startLoyaltyWorker } from "./start-loyalty-worker.js";
import { startPointsWorker } from "./start-points-worker.js";
import { startThankYouWorker } from "./start-thank-you-worker.js";
import type { ThankYouJobData } from "./thank-you-queue.js";
import { yieldToThankYouBacklog } from "./yield-to-thank-you-backlog.js";
import { sweepOutbox } from "./sweep-outbox.js";
import { webhookHandlers } from "./webhook-handlers.js";
import { webhookQueueName, type WebhookJobData } from "./webhook-queue.js";
import { startQueueWorker } from "./start-queue-worker.js";

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
  thankYouWorker: Worker<ThankYouJobData>;
  couponWorker: Worker<CouponJobData>;
  emailWorker: Worker<EmailJobData>;
  loyaltyWorker: Worker<LoyaltyJobData>;
  close(): Promise<void>;
}

function startWebhookWorker(services: Services, connection: ReturnType<typeof createRedis>): Worker<WebhookJobData> {
  const { logger } = services;
  const process = createProcessWebhookJob({
    inbox: services.repositories.inbox,
    shops: services.repositories.shops,
    handlers: webhookHandlers(services),
    metrics: services.metrics,
    logger,
  });
  const worker = startQueueWorker<WebhookJobData>(services, connection, webhookQueueName, process);
  return worker;
}

function startSweeper(services: Services) {
  const { config, logger } = services;
  return startInboxSweeper(
    services.repositories.inbox,
    services.queue,
    (olderThan) => sweepOtherWork(services, olderThan),
    { olderThanMs: config.SWEEP_AFTER_SECONDS * 1000, intervalMs: config.SWEEP_INTERVAL_SECONDS * 1000 },
    logger,
  );
}

export function startWorker(services: Services, options: { sweeper?: boolean } = {}): RunningWorker {
  const connection = createRedis(services.config.REDIS_URL, "worker");
  const thankYouWorker = startThankYouWorker(services, connection);
  const worker = startWebhookWorker(services, connection);
  const couponWorker = startCouponWorker(services, connection);
  const emailWorker = startEmailWorker(services, connection);
  const pointsWorker = startPointsWorker(services, connection);
  const delayedCheckWorker = startDelayedCheckWorker(services, connection);
  const loyaltyWorker = startLoyaltyWorker(services, connection);
  const historyImportWorker = startHistoryImportWorker(services, connection);
  const campaignWorker = startCampaignWorker(services, connection);
  const sweeper = options.sweeper === false ? undefined : startSweeper(services);
  // The coupon queue's retries are thank-you work too; everything else waits while thank-you jobs do.
  const yielding = yieldToThankYouBacklog(
    services.thankYouQueue,
    [worker, emailWorker, pointsWorker, delayedCheckWorker, loyaltyWorker, historyImportWorker, campaignWorker],
    services.logger,
  );
  return {
    worker,
    thankYouWorker,
    couponWorker,
    emailWorker,
    loyaltyWorker,
    async close() {
      await sweeper?.stop();
      await yielding.stop();
      await Promise.all([
        thankYouWorker.close(),
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
