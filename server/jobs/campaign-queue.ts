// The BullMQ queue of lifecycle campaign runs, and the hourly scheduler that evaluates every shop in its time zone.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

export const campaignQueueName = "campaigns";

/** asOf (ISO) runs the campaigns as of that moment (tests, backfills); the schedule leaves it out and uses the clock. */
export interface CampaignJobData {
  kind: "run-campaigns";
  shopId?: number;
  asOf?: string;
}

export type CampaignQueue = Queue<CampaignJobData, void, string>;

export function createCampaignQueue(connection: Redis, prefix: string): CampaignQueue {
  return new Queue<CampaignJobData, void, string>(campaignQueueName, { connection, prefix });
}

/**
 * Hourly, so every shop's local day is seen soon after it starts whatever its zone; each run sends only what is
 * due and not yet sent. Every worker upserts the same scheduler id, so there is one however many workers run.
 */
export async function scheduleCampaignRuns(queue: CampaignQueue): Promise<void> {
  await queue.upsertJobScheduler(
    "campaigns-hourly",
    { pattern: "0 * * * *" },
    {
      name: "run-campaigns",
      data: { kind: "run-campaigns" },
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
