// The worker of the points queue: redemption retries, expiry runs and storefront metafield syncs.
import { createMilestoneCouponRepository } from "../domain/loyalty/milestone-coupon-repository.js";
import { enqueueMilestoneCoupon } from "./loyalty-queue.js";
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Services } from "../create-services.js";
import { createExpirePointsJob } from "./expire-points-job.js";
import { createIssueRedemptionJob } from "./issue-redemption-job.js";
import { createSyncMetafieldsJob } from "./sync-metafields-job.js";
import { createCustomerMetafieldsService } from "../shopify/customer-metafields-service.js";
import {
  enqueueMetafieldSync,
  enqueueRedemptionRetry,
  pointsQueueName,
  scheduleDailyPointsJobs,
  type PointsJobData,
} from "./points-queue.js";

/**
 * Pending redemptions and milestone coupons Redis lost (or that ran out of attempts) go again; every shop's
 * metafields catch up.
 */
function createPointsMaintenance(services: Services) {
  const milestoneCoupons = createMilestoneCouponRepository(services.pool);
  return async () => {
    const shops = await services.prisma.shop.findMany({ where: { status: "installed" }, select: { id: true } });
    for (const shop of shops) await enqueueMetafieldSync(services.pointsQueue, shop.id, 0);
    const stale = await services.repositories.redemptions.pendingOlderThan(new Date(Date.now() - 5 * 60 * 1000));
    // A new round per sweep: the first job may sit failed in Redis under the plain id.
    const round = `sweep-${Math.floor(Date.now() / 600_000)}`;
    for (const id of stale) await enqueueRedemptionRetry(services.pointsQueue, id, 0, round);
    for (const id of await milestoneCoupons.stalePending())
      await enqueueMilestoneCoupon(services.loyaltyQueue, id, round);
  };
}

export function startPointsWorker(services: Services, connection: Redis): Worker<PointsJobData> {
  const { config, logger } = services;
  const issueRedemption = createIssueRedemptionJob({
    prisma: services.prisma,
    redemptions: services.repositories.redemptions,
    discounts: services.discounts,
    logger,
  });
  const expirePoints = createExpirePointsJob({
    prisma: services.prisma,
    pool: services.pool,
    ledger: services.repositories.ledger,
    inactive: services.repositories.inactive,
    enqueueEmail: services.enqueueEmail,
    logger,
    pointsChanged: (shopId) => enqueueMetafieldSync(services.pointsQueue, shopId),
  });
  const syncMetafields = createSyncMetafieldsJob({
    prisma: services.prisma,
    queue: services.pointsQueue,
    storefront: services.repositories.storefront,
    metafields: createCustomerMetafieldsService(services.shopify, services.sessionStorage),
    logger,
  });
  const maintenance = createPointsMaintenance(services);
  const worker = new Worker<PointsJobData>(
    pointsQueueName,
    async (job, token) => {
      const data = job.data;
      if (data.kind === "issue-redemption") return issueRedemption(job, data.redemptionId, token);
      if (data.kind === "expire-points") return expirePoints(job, data.shopId, data.asOf);
      if (data.kind === "sync-metafields") return syncMetafields(job, data.shopId, token);
      if (data.kind === "maintenance") return maintenance();
    },
    { connection, prefix: config.REDIS_PREFIX, concurrency: config.WORKER_CONCURRENCY },
  );
  worker.on("error", (error) => logger.error({ err: error }, "points worker error"));
  scheduleDailyPointsJobs(services.pointsQueue).catch((error: unknown) => {
    logger.warn({ err: error }, "could not schedule the daily points jobs; the next worker start tries again");
  });
  return worker;
}
