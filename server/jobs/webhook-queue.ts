// The BullMQ queue of inbox rows to process: one job per row, job id derived from the row id.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

export const webhookQueueName = "webhooks";

export interface WebhookJobData {
  inboxId: string;
}

export type WebhookQueue = Queue<WebhookJobData, void, string>;

/** BullMQ refuses integer custom ids, and a stable id makes re-enqueueing a row a no-op. */
export function jobIdForInboxRow(inboxId: string): string {
  return `inbox-${inboxId}`;
}

export const webhookJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  // Failed jobs stay for a week with their error, for the activity log and a manual retry.
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createWebhookQueue(connection: Redis, prefix: string): WebhookQueue {
  return new Queue<WebhookJobData, void, string>(webhookQueueName, { connection, prefix });
}

export async function enqueueInboxRows(queue: WebhookQueue, rows: { id: string; topic: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await queue.addBulk(
    rows.map((row) => ({
      name: row.topic,
      data: { inboxId: row.id },
      opts: { ...webhookJobOptions, jobId: jobIdForInboxRow(row.id) },
    })),
  );
}
