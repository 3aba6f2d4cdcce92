// The BullMQ queue of history imports: one job per shop, its id derived from the shop so it is queued once.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";

export const historyImportQueueName = "history-import";

export interface HistoryImportJobData {
  shopId: number;
}

export type HistoryImportQueue = Queue<HistoryImportJobData, void, string>;

// Removed when done either way: the row in history_import is the record, and a later restart can queue it again.
const jobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: true,
  removeOnFail: true,
};

export function createHistoryImportQueue(connection: Redis, prefix: string): HistoryImportQueue {
  return new Queue<HistoryImportJobData, void, string>(historyImportQueueName, { connection, prefix });
}

export async function enqueueHistoryImports(queue: HistoryImportQueue, shopIds: number[]): Promise<void> {
  if (shopIds.length === 0) return;
  await queue.addBulk(
    shopIds.map((shopId) => ({
      name: "import-history",
      data: { shopId },
      opts: { ...jobOptions, jobId: `history-import-${shopId}` },
    })),
  );
}
