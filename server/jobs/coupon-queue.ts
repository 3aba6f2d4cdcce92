// The BullMQ queue of thank-you coupons to create in Shopify: one job per coupon row.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

export const couponQueueName = "coupons";

export interface CouponJobData {
  couponId: number;
}

export type CouponQueue = Queue<CouponJobData, void, string>;

export const couponJobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createCouponQueue(connection: Redis, prefix: string): CouponQueue {
  return new Queue<CouponJobData, void, string>(couponQueueName, { connection, prefix });
}

/** The job id is derived from the row, so enqueuing a coupon twice is a no-op while the job is kept. */
export async function enqueueCoupons(queue: CouponQueue, couponIds: number[], delayMs = 0): Promise<void> {
  if (couponIds.length === 0) return;
  await queue.addBulk(
    couponIds.map((couponId) => ({
      name: "issue-coupon",
      data: { couponId },
      opts: { ...couponJobOptions, jobId: `coupon-${couponId}`, ...(delayMs > 0 ? { delay: delayMs } : {}) },
    })),
  );
}
