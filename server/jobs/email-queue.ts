// The BullMQ queue of outbox rows to send: one job per row, delayed until the row is due.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

export const emailQueueName = "emails";

export interface EmailJobData {
  emailId: number;
}

export type EmailQueue = Queue<EmailJobData, void, string>;

// The row holds the state (attempts, next attempt, answers); a finished job is dropped so the id can be reused
// by the sweeper. BullMQ's own attempts only cover a worker error (database away), not SMTP answers.
export const emailJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: true,
  removeOnFail: true,
};

export function createEmailQueue(connection: Redis, prefix: string): EmailQueue {
  return new Queue<EmailJobData, void, string>(emailQueueName, { connection, prefix });
}

/** The job id is the row's, so scheduling a row that already has a job waiting is a no-op. */
export async function scheduleEmail(queue: EmailQueue, emailId: number, at: Date, now = Date.now()): Promise<void> {
  await queue.add(
    "send-email",
    { emailId },
    { ...emailJobOptions, jobId: `email-${emailId}`, delay: Math.max(0, at.getTime() - now) },
  );
}
