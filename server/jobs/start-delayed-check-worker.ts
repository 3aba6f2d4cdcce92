// Wires the survey and delayed-delivery parts to the outbox and shipping estimates, and runs the hourly check.
import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Services } from "../create-services.js";
import { apologyCoupon } from "../domain/delays/apology-coupon.js";
import type { CheckSummary } from "../domain/delays/check-late-orders.js";
import { windowForCandidate } from "../domain/delays/late-delivery.js";
import { createLateOrderRepository } from "../domain/delays/late-order-repository.js";
import { createOrderDeliveryRepository } from "../domain/deliveries/order-delivery-repository.js";
import type { EmailLanguage } from "../domain/email-links/email-language.js";
import { pickLanguage } from "../domain/emails/pick-language.js";
import type { TrackDeliveryDeps } from "./handlers/track-delivery-then.js";
import { createCheckLateOrdersJob } from "./check-late-orders-job.js";
import { delayedCheckQueueName, scheduleDelayedChecks, type DelayedCheckJobData } from "./delayed-check-queue.js";
import { startQueueWorker } from "./start-queue-worker.js";

/** The email's language as the outbox will choose it, so the survey's links and pages speak it too. */
function languageFor(services: Services) {
  return async (shopId: number, customerLocale: string | null): Promise<EmailLanguage> => {
    const settings = await services.repositories.emailSettings.settingsFor(shopId);
    return pickLanguage(customerLocale, settings.defaultLanguage);
  };
}

export function deliveryTrackingDeps(services: Services): TrackDeliveryDeps {
  const deliveries = createOrderDeliveryRepository(services.pool);
  return {
    deliveries,
    enqueueEmail: services.enqueueEmail,
    recipientOf: (shopId, shopifyOrderId) => deliveries.recipientOf(shopId, shopifyOrderId),
    languageFor: languageFor(services),
  };
}

/** Apologies are for promises broken recently: two months of orders, up to two weeks past their window. */
export const lateOrderOptions = { lookBackDays: 60, horizonDays: 14 };

export function startDelayedCheckWorker(services: Services, connection: Redis): Worker<DelayedCheckJobData> {
  const { config, logger } = services;
  const process = createCheckLateOrdersJob({
    orders: createLateOrderRepository(services.pool),
    windowFor: (order) => windowForCandidate(services.shipping, order),
    couponFor: async (shopId, shopifyOrderId, now) =>
      apologyCoupon(await services.repositories.coupons.findForOrder(shopId, shopifyOrderId), now),
    languageFor: languageFor(services),
    enqueueEmail: services.enqueueEmail,
    logger,
    options: lateOrderOptions,
  });
  const worker = startQueueWorker<DelayedCheckJobData, CheckSummary>(
    services,
    connection,
    delayedCheckQueueName,
    process,
    { concurrency: 1 },
  );
  scheduleDelayedChecks(services.delayedCheckQueue, config.DELAYED_CHECK_INTERVAL_MINUTES * 60_000).catch(
    (error: unknown) => logger.error({ err: error }, "could not schedule the delayed-delivery check"),
  );
  return worker;
}
