// Runs points expiry for every installed shop that switched it on (or one shop); reruns change nothing.
import type { Job } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import type { Logger } from "pino";
import { expireInactivePoints, type ExpiryDeps } from "../domain/loyalty/expire-inactive-points.js";
import type { PointsJobData } from "./points-queue.js";

export interface ExpirePointsJobDeps extends ExpiryDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** Expired balances reach the storefront metafields. */
  pointsChanged: (shopId: number) => Promise<void>;
}

export function createExpirePointsJob(deps: ExpirePointsJobDeps) {
  return async function expirePointsJob(job: Job<PointsJobData>, shopId?: number, asOf?: string): Promise<void> {
    const now = asOf ? new Date(asOf) : new Date();
    const shops = await deps.prisma.redemptionSettings.findMany({
      where: { expiryMonths: { not: null }, shop: { status: "installed" }, ...(shopId ? { shopId } : {}) },
      include: { shop: { select: { domain: true } } },
    });
    for (const settings of shops) {
      const run = await expireInactivePoints(deps, settings.shopId, settings, now);
      deps.logger.info({ shop: settings.shop.domain, jobId: job.id, ...run }, "points expiry run");
      if (run.expired > 0) await deps.pointsChanged(settings.shopId);
    }
  };
}
