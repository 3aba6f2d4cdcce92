// The coupon queue's job: a pending thank-you coupon the urgent path could not issue (retries, sweeps, throttling).
import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import type { CouponRepository } from "../domain/coupons/coupon-repository.js";
import { classifyIssueFailure, type IssueThankYouCoupon } from "../domain/coupons/issue-thank-you-coupon.js";
import type { CouponJobData } from "./coupon-queue.js";

export interface IssueCouponDeps {
  coupons: CouponRepository;
  issue: IssueThankYouCoupon;
  logger: Logger;
}

export function createIssueCouponJob(deps: IssueCouponDeps) {
  return async function issueCouponJob(job: Job<CouponJobData>, token?: string): Promise<void> {
    const coupon = await deps.coupons.findForIssue(job.data.couponId);
    if (!coupon) throw new UnrecoverableError(`coupon ${job.data.couponId} does not exist`);
    if (coupon.status !== "pending") return;
    const logger = deps.logger.child({ shop: coupon.shopDomain, jobId: job.id, couponId: coupon.id });
    try {
      await deps.issue(coupon, job.attemptsMade > 0 || job.stalledCounter > 0 || coupon.attempts > 0, logger);
    } catch (error) {
      const failure = classifyIssueFailure(error);
      if (failure.kind === "throttled" && token) {
        // Throttling is not a failure: come back when the bucket has refilled, without spending an attempt.
        logger.info({ waitMs: failure.waitMs }, "Shopify throttled coupon creation; waiting");
        await job.moveToDelayed(Date.now() + failure.waitMs, token);
        throw new DelayedError();
      }
      const permanent = failure.kind === "permanent";
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await deps.coupons.recordAttempt(coupon.id, failure.message, final);
      logger.warn({ err: error, final }, "thank-you coupon not issued");
      throw permanent ? new UnrecoverableError(failure.message) : error;
    }
  };
}
