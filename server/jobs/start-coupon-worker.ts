// The coupon queue's worker (thank-you codes through Admin GraphQL), and the sweep that re-queues lost coupon jobs.
import type { Worker } from "bullmq";
import type { Services } from "../create-services.js";
import { couponQueueName, enqueueCoupons, type CouponJobData } from "./coupon-queue.js";
import type { createRedis } from "./create-redis.js";
import { createIssueCouponJob } from "./issue-coupon-job.js";
import { issueThankYouCouponFrom } from "./start-thank-you-worker.js";
import { startQueueWorker } from "./start-queue-worker.js";

export function startCouponWorker(
  services: Services,
  connection: ReturnType<typeof createRedis>,
): Worker<CouponJobData> {
  const { logger } = services;
  const process = createIssueCouponJob({
    coupons: services.repositories.coupons,
    issue: issueThankYouCouponFrom(services),
    logger,
  });
  const worker = startQueueWorker<CouponJobData>(services, connection, couponQueueName, process);
  return worker;
}

/** Pending coupons whose job Redis lost are queued again, like unfinished inbox rows. */
export async function sweepPendingCoupons(services: Services, olderThan: Date): Promise<number> {
  const stale = await services.prisma.coupon.findMany({
    where: { status: "pending", createdAt: { lt: olderThan } },
    select: { id: true },
    take: 1000,
  });
  await enqueueCoupons(
    services.couponQueue,
    stale.map((coupon) => coupon.id),
  );
  return stale.length;
}
