// Brings one shop's storefront metafields up to date with balances and tiers; throttling waits, leftovers requeue.
import { DelayedError, type Job } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import type { Logger } from "pino";
import type { StorefrontPointsRepository } from "../domain/loyalty/storefront-points-repository.js";
import { syncStorefrontPoints, type StorefrontSyncDeps } from "../domain/loyalty/sync-storefront-points.js";
import { ShopifyThrottledError } from "../shopify/shopify-call-errors.js";
import { enqueueMetafieldSync, type PointsJobData, type PointsQueue } from "./points-queue.js";

export interface SyncMetafieldsJobDeps extends Omit<StorefrontSyncDeps, "storefront"> {
  storefront: StorefrontPointsRepository;
  prisma: PrismaClient;
  queue: PointsQueue;
  logger: Logger;
}

export function createSyncMetafieldsJob(deps: SyncMetafieldsJobDeps) {
  return async function syncMetafieldsJob(job: Job<PointsJobData>, shopId: number, token?: string): Promise<void> {
    const shop = await deps.prisma.shop.findUnique({ where: { id: shopId } });
    if (!shop || shop.status !== "installed") return;
    const logger = deps.logger.child({ shop: shop.domain, jobId: job.id });
    try {
      const run = await deps.storefront.exclusively(shop.id, (storefront) =>
        syncStorefrontPoints({ ...deps, storefront }, shop),
      );
      if (run === null) {
        // Another worker is syncing this shop; changes after its last read are picked up by this later run.
        await enqueueMetafieldSync(deps.queue, shop.id, 5_000);
        return;
      }
      logger.info(run, "storefront metafields synced");
      if (run.more) await enqueueMetafieldSync(deps.queue, shop.id, 0);
    } catch (error) {
      if (error instanceof ShopifyThrottledError && token) {
        // What was written is recorded; the rest waits for the bucket to refill, without spending an attempt.
        await job.moveToDelayed(Date.now() + error.waitMs, token);
        throw new DelayedError();
      }
      throw error;
    }
  };
}
