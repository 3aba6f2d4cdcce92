// The BullMQ queue of urgent thank-you work: one job per orders/create or orders/paid inbox row, ahead of the rest.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { ThankYouOrder } from "../domain/orders/order-payload.js";

export const thankYouQueueName = "thank-you";

/** The topics whose thank-you page waits on us: the shopper is looking at it while these are processed. */
export const thankYouTopics: ReadonlySet<string> = new Set(["orders/create", "orders/paid"]);

/** Written by our own intake, which parsed the order (thankYouOrderSchema); a few hundred bytes, not the body. */
export interface ThankYouJobData {
  inboxId: string;
  shopDomain: string;
  order: ThankYouOrder;
}

export type ThankYouQueue = Queue<ThankYouJobData, void, string>;

// Few attempts: the row's full webhook job does the same work again, so this job only has to be early, not sure.
// A finished one is dropped at once (the inbox row and the coupon are the record), which also spares Redis the
// bookkeeping of a completed set on every order of a sale.
const thankYouJobOptions: JobsOptions = {
  attempts: 2,
  backoff: { type: "fixed", delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 24 * 3600 },
};

export function createThankYouQueue(connection: Redis, prefix: string): ThankYouQueue {
  return new Queue<ThankYouJobData, void, string>(thankYouQueueName, { connection, prefix });
}

/** Rows without a parsed order are left out; the job id is the row's, so a second enqueue is a no-op. */
export async function enqueueThankYouJobs(
  queue: ThankYouQueue,
  rows: { id: string; topic: string; shopDomain: string; thankYouOrder?: ThankYouOrder }[],
) {
  const jobs = rows.flatMap((row) =>
    row.thankYouOrder
      ? [
          {
            name: row.topic,
            data: { inboxId: row.id, shopDomain: row.shopDomain, order: row.thankYouOrder },
            opts: { ...thankYouJobOptions, jobId: `thank-you-${row.id}` },
          },
        ]
      : [],
  );
  if (jobs.length > 0) await queue.addBulk(jobs);
}
