// The BullMQ queue for loyalty's own work: an order's points maturing (delayed to the end of its return window)
// and the daily run (birthdays, tiers moved by time, maturities whose job Redis lost).
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { MaturityJob } from "../domain/loyalty/order-points-service.js";

export const loyaltyQueueName = "loyalty";

export type LoyaltyJobData =
  | { kind: "mature-order"; shopId: number; shopifyOrderId: string }
  | { kind: "issue-milestone-coupon"; milestoneCouponId: number }
  | { kind: "daily" };

export type LoyaltyQueue = Queue<LoyaltyJobData, void, string>;

const loyaltyJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createLoyaltyQueue(connection: Redis, prefix: string): LoyaltyQueue {
  return new Queue<LoyaltyJobData, void, string>(loyaltyQueueName, { connection, prefix });
}

/** One job per order (its id derived from the order), so a duplicate paid event schedules nothing new. */
export async function enqueueMaturity(queue: LoyaltyQueue, job: MaturityJob, now = Date.now()): Promise<void> {
  await queue.add(
    "mature-order",
    { kind: "mature-order", shopId: job.shopId, shopifyOrderId: job.shopifyOrderId.toString() },
    {
      ...loyaltyJobOptions,
      jobId: `mature-${job.shopId}-${job.shopifyOrderId}`,
      delay: Math.max(0, job.availableAt.getTime() - now),
    },
  );
}

/** One job per milestone coupon (its id from the row): a second enqueue while it waits or runs is a no-op. */
export async function enqueueMilestoneCoupon(
  queue: LoyaltyQueue,
  milestoneCouponId: number,
  round = "",
): Promise<void> {
  await queue.add(
    "issue-milestone-coupon",
    { kind: "issue-milestone-coupon", milestoneCouponId },
    { ...loyaltyJobOptions, jobId: `milestone-coupon-${milestoneCouponId}${round ? `-${round}` : ""}` },
  );
}

/** Every day at 00:15 UTC; upserting the scheduler on each start keeps exactly one. */
export async function scheduleDailyLoyalty(queue: LoyaltyQueue): Promise<void> {
  await queue.upsertJobScheduler(
    "loyalty-daily",
    { pattern: "15 0 * * *", tz: "UTC" },
    { name: "daily", data: { kind: "daily" }, opts: { attempts: 3, removeOnComplete: 30, removeOnFail: 30 } },
  );
}
