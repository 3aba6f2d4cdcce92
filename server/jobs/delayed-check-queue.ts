// The queue of delayed-delivery checks: a repeatable schedule plus one-off runs for a given moment.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { CheckSummary } from "../domain/delays/check-late-orders.js";

export const delayedCheckQueueName = "delayed-check";
const schedulerId = "delayed-orders";

export interface DelayedCheckJobData {
  /** ISO time the check treats as now; a scheduled run leaves it out and uses the clock. */
  now?: string;
}

export type DelayedCheckQueue = Queue<DelayedCheckJobData, CheckSummary, string>;

const jobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createDelayedCheckQueue(connection: Redis, prefix: string): DelayedCheckQueue {
  return new Queue<DelayedCheckJobData, CheckSummary, string>(delayedCheckQueueName, { connection, prefix });
}

/** Upserting one fixed scheduler id: every worker may call this at start, and there is still one schedule. */
export async function scheduleDelayedChecks(queue: DelayedCheckQueue, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    schedulerId,
    { every: everyMs },
    { name: "check-late-orders", data: {}, opts: jobOptions },
  );
}

/** A one-off check as of `now` (tests, a catch-up after downtime); the same moment twice is one job. */
export async function runDelayedCheck(queue: DelayedCheckQueue, now: Date) {
  return queue.add("check-late-orders", { now: now.toISOString() }, { ...jobOptions, jobId: `check-${now.getTime()}` });
}
