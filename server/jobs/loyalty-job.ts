// Runs loyalty queue jobs: an order's return window ended, a milestone coupon to issue, or the daily run. All idempotent.
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import type { PgPool } from "../db/create-pg-pool.js";
import type { CustomerRewardsService } from "../domain/loyalty/customer-rewards-service.js";
import type { OrderPointsService } from "../domain/loyalty/order-points-service.js";
import { runDailyLoyalty } from "../domain/loyalty/run-daily-loyalty.js";
import type { LoyaltyJobData } from "./loyalty-queue.js";

export function createLoyaltyJob(deps: {
  pool: PgPool;
  orderPoints: OrderPointsService;
  rewards: CustomerRewardsService;
  issueMilestoneCoupon: (milestoneCouponId: number, jobId: string | undefined) => Promise<void>;
  logger: Logger;
}) {
  return async function loyaltyJob(job: Job<LoyaltyJobData>): Promise<void> {
    const logger = deps.logger.child({ jobId: job.id, queue: "loyalty" });
    const data = job.data;
    if (data.kind === "mature-order") {
      if (!/^\d+$/.test(data.shopifyOrderId)) throw new UnrecoverableError(`bad order id ${data.shopifyOrderId}`);
      // The queue is the clock: a delayed job runs once its delay passed, so its due time counts as now at least.
      const now = new Date(Math.max(Date.now(), job.timestamp + (job.opts.delay ?? 0)));
      const notes = await deps.orderPoints.settleOrder(data.shopId, BigInt(data.shopifyOrderId), now);
      logger.info({ shopId: data.shopId, orderId: data.shopifyOrderId, outcome: notes.join("; ") }, "order matured");
      return;
    }
    if (data.kind === "issue-milestone-coupon") {
      await deps.issueMilestoneCoupon(data.milestoneCouponId, job.id);
      return;
    }
    if (data.kind === "daily") {
      const result = await runDailyLoyalty(deps, new Date());
      logger.info(result, "daily loyalty run");
      return;
    }
    throw new UnrecoverableError("unknown loyalty job");
  };
}
