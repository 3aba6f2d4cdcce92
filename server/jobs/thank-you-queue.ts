// The BullMQ queue of urgent thank-you work: one job per orders/create or orders/paid inbox row, ahead of the rest.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

export const thankYouQueueName = "thank-you";

/** The topics whose thank-you page waits on us: the shopper is looking at it while these are processed. */
export const thankYouTopics: ReadonlySet<string> = new Set(["orders/create", "orders/paid"]);

export interface ThankYouJobData {
  inboxId: string;
}

export type ThankYouQueue = Queue<ThankYouJobData, void, string>;

// Few attempts: the row's full webhook job does the same work again, so this job only has to be early, not sure.
const thankYouJobOptions: JobsOptions = {
  attempts: 2,
  backoff: { type: "fixed", delay: 500 },
  removeOnComplete: { age: 600, count: 10_000 },
  removeOnFail: { age: 24 * 3600 },
};

export function createThankYouQueue(connection: Redis, prefix: string): ThankYouQueue {
  return new Queue<ThankYouJobData, void, string>(thankYouQueueName, { connection, prefix });
}

/** Rows of other topics are left out; the job id is the row's, so a second enqueue is a no-op. */
export async function enqueueThankYouJobs(queue: ThankYouQueue, rows: { id: string; topic: string }[]) {
  const urgent = rows.filter((row) => thankYouTopics.has(row.topic));
  if (urgent.length === 0) return;
  await queue.addBulk(
    urgent.map((row) => ({
      name: row.topic,
      data: { inboxId: row.id },
      opts: { ...thankYouJobOptions, jobId: `thank-you-${row.id}` },
    })),
  );
}
