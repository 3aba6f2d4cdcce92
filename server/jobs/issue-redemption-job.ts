// Retries a redemption whose code Shopify did not confirm: looks before creating, waits out throttling.
import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import type { Logger } from "pino";
import { issueRedemptionCode, type IssueDeps } from "../domain/loyalty/issue-redemption-code.js";
import { ShopifyThrottledError } from "../shopify/shopify-call-errors.js";
import type { PointsJobData } from "./points-queue.js";

export interface IssueRedemptionJobDeps extends IssueDeps {
  prisma: PrismaClient;
  logger: Logger;
}

export function createIssueRedemptionJob(deps: IssueRedemptionJobDeps) {
  return async function issueRedemptionJob(
    job: Job<PointsJobData>,
    redemptionId: number,
    token?: string,
  ): Promise<void> {
    const redemption = await deps.redemptions.findById(redemptionId);
    if (!redemption) throw new UnrecoverableError(`redemption ${redemptionId} does not exist`);
    if (redemption.status !== "pending") return;
    const shop = await deps.prisma.shop.findUniqueOrThrow({ where: { id: redemption.shopId } });
    const logger = deps.logger.child({ shop: shop.domain, jobId: job.id, redemptionId });
    const outcome = await issueRedemptionCode(deps, shop.domain, redemption);
    if (outcome.kind !== "retry") {
      logger.info({ outcome: outcome.kind }, "redemption settled");
      return;
    }
    if (outcome.error instanceof ShopifyThrottledError && token) {
      await job.moveToDelayed(Date.now() + outcome.error.waitMs, token);
      throw new DelayedError();
    }
    // Still pending after the last attempt: the maintenance sweep queues it again, so it settles eventually.
    logger.warn({ err: outcome.error }, "redemption code not confirmed yet; retrying");
    throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  };
}
