// The worker of the campaigns queue: runs due campaigns, and keeps the hourly scheduler in place.
import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Services } from "../create-services.js";
import { campaignQueueName, scheduleCampaignRuns, type CampaignJobData } from "./campaign-queue.js";
import { createRunCampaignsJob } from "./run-campaigns-job.js";
import { startQueueWorker } from "./start-queue-worker.js";

export function startCampaignWorker(services: Services, connection: Redis): Worker<CampaignJobData> {
  const { logger, repositories } = services;
  const runCampaigns = createRunCampaignsJob({
    settings: repositories.campaignSettings,
    audience: repositories.campaignAudience,
    sends: repositories.campaignSends,
    ledger: repositories.ledger,
    discounts: services.discounts,
    enqueueEmail: services.enqueueEmail,
    logger,
  });
  // A run walks every shop: one at a time is enough, and two at once would only race for the same claims.
  const worker = startQueueWorker<CampaignJobData>(services, connection, campaignQueueName, runCampaigns, {
    concurrency: 1,
  });
  scheduleCampaignRuns(services.campaignQueue).catch((error: unknown) => {
    logger.warn({ err: error }, "could not schedule the campaign runs; the next worker start tries again");
  });
  return worker;
}
