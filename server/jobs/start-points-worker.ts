// The worker of the points queue: redemption retries, expiry runs and storefront metafield syncs.
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Services } from "../create-services.js";
import { createIssueRedemptionJob } from "./issue-redemption-job.js";
import { pointsQueueName, type PointsJobData } from "./points-queue.js";

export function startPointsWorker(services: Services, connection: Redis): Worker<PointsJobData> {
  const { config, logger } = services;
  const issueRedemption = createIssueRedemptionJob({
    prisma: services.prisma,
    redemptions: services.repositories.redemptions,
    discounts: services.discounts,
    logger,
  });
  const worker = new Worker<PointsJobData>(
    pointsQueueName,
    async (job, token) => {
      const data = job.data;
      if (data.kind === "issue-redemption") return issueRedemption(job, data.redemptionId, token);
    },
    { connection, prefix: config.REDIS_PREFIX, concurrency: config.WORKER_CONCURRENCY },
  );
  worker.on("error", (error) => logger.error({ err: error }, "points worker error"));
  return worker;
}
