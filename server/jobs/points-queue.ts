// The BullMQ queue for customers' points outside webhooks: redemption retries, expiry runs, storefront metafields.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

export const pointsQueueName = "points";

export type PointsJobData =
  | { kind: "issue-redemption"; redemptionId: number }
  /** asOf (ISO) runs the expiry as of that moment; the daily schedule leaves it out and uses the clock. */
  | { kind: "expire-points"; shopId?: number; asOf?: string }
  | { kind: "sync-metafields"; shopId: number }
  | { kind: "maintenance" };

export type PointsQueue = Queue<PointsJobData, void, string>;

export function createPointsQueue(connection: Redis, prefix: string): PointsQueue {
  return new Queue<PointsJobData, void, string>(pointsQueueName, { connection, prefix });
}

const retryOptions: JobsOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** One job per redemption and round (job id from the row): enqueuing twice while it waits is a no-op. */
export async function enqueueRedemptionRetry(queue: PointsQueue, redemptionId: number, delayMs = 1000, round = "") {
  await queue.add(
    "issue-redemption",
    { kind: "issue-redemption", redemptionId },
    { ...retryOptions, delay: delayMs, jobId: `redemption-${redemptionId}${round ? `-${round}` : ""}` },
  );
}

/** Coalesces: balance changes within two seconds ride on one sync of the shop. */
export async function enqueueMetafieldSync(queue: PointsQueue, shopId: number, delayMs = 2000) {
  const window = Math.floor(Date.now() / 2000);
  await queue.add(
    "sync-metafields",
    { kind: "sync-metafields", shopId },
    { ...retryOptions, delay: delayMs, jobId: `metafields-${shopId}-${window}-${delayMs}` },
  );
}

/** Every worker upserts the same schedulers, so there is one of each however many workers run. */
export async function scheduleDailyPointsJobs(queue: PointsQueue): Promise<void> {
  await queue.upsertJobScheduler(
    "expire-points-daily",
    { every: 24 * 3600 * 1000 },
    { name: "expire-points", data: { kind: "expire-points" }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  await queue.upsertJobScheduler(
    "points-maintenance",
    { every: 10 * 60 * 1000 },
    { name: "maintenance", data: { kind: "maintenance" }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
}
