// The loyalty queue's worker (points maturing, expiry, milestone codes) and its daily schedule.
import type { Worker } from "bullmq";
import type { Services } from "../create-services.js";
import { createMilestoneCouponRepository } from "../domain/loyalty/milestone-coupon-repository.js";
import type { createRedis } from "./create-redis.js";
import { createIssueMilestoneCouponJob } from "./issue-milestone-coupon-job.js";
import { createLoyaltyJob } from "./loyalty-job.js";
import { loyaltyQueueName, scheduleDailyLoyalty, type LoyaltyJobData } from "./loyalty-queue.js";
import { startQueueWorker } from "./start-queue-worker.js";

export function startLoyaltyWorker(
  services: Services,
  connection: ReturnType<typeof createRedis>,
): Worker<LoyaltyJobData> {
  const { logger } = services;
  const issueMilestoneCoupon = createIssueMilestoneCouponJob({
    milestoneCoupons: createMilestoneCouponRepository(services.pool),
    discounts: services.discounts,
    enqueueEmail: services.enqueueEmail,
    logger,
  });
  const process = createLoyaltyJob({ pool: services.pool, ...services.loyalty, issueMilestoneCoupon, logger });
  const worker = startQueueWorker<LoyaltyJobData>(services, connection, loyaltyQueueName, process);
  scheduleDailyLoyalty(services.loyaltyQueue).catch((error: unknown) =>
    logger.warn({ err: error }, "could not schedule the daily loyalty run; the next worker start retries"),
  );
  return worker;
}
