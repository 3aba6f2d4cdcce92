// The thank-you queue's worker, and the coupon-issuing parts it shares with the order webhook handler.
import type { Worker } from "bullmq";
import type { Services } from "../create-services.js";
import type { ThankYouPageDeps } from "../domain/orders/record-order-for-thank-you-page.js";
import { createThankYouPageRepository } from "../domain/orders/thank-you-page-repository.js";
import { createIssueThankYouCoupon } from "../domain/coupons/issue-thank-you-coupon.js";
import { enqueueCoupons } from "./coupon-queue.js";
import type { createRedis } from "./create-redis.js";
import { createIssueOfferedCoupon, type IssueOfferedCoupon } from "./issue-offered-coupon.js";
import { createThankYouJob } from "./thank-you-job.js";
import { thankYouQueueName, type ThankYouJobData } from "./thank-you-queue.js";
import { startQueueWorker } from "./start-queue-worker.js";

export function issueThankYouCouponFrom(services: Services) {
  return createIssueThankYouCoupon({
    coupons: services.repositories.coupons,
    discounts: services.discounts,
    customerOrders: services.customerOrders,
  });
}

export function issueOfferedCouponFrom(services: Services): IssueOfferedCoupon {
  return createIssueOfferedCoupon({
    issue: issueThankYouCouponFrom(services),
    coupons: services.repositories.coupons,
    enqueueCoupon: (couponId, delayMs) => enqueueCoupons(services.couponQueue, [couponId], delayMs),
  });
}

export function thankYouPageDepsFrom(services: Services): ThankYouPageDeps {
  return { thankYouPages: createThankYouPageRepository(services.pool) };
}

export function startThankYouWorker(
  services: Services,
  connection: ReturnType<typeof createRedis>,
): Worker<ThankYouJobData> {
  const { logger } = services;
  const process = createThankYouJob({
    shops: services.repositories.shops,
    thankYouPage: thankYouPageDepsFrom(services),
    issueOfferedCoupon: issueOfferedCouponFrom(services),
    logger,
  });
  const worker = startQueueWorker<ThankYouJobData>(services, connection, thankYouQueueName, process);
  return worker;
}
