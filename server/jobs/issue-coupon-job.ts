// Makes one pending thank-you coupon in Shopify: first order confirmed, code looked up, throttling waited out.
import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import { confirmFirstOrder } from "../domain/coupons/confirm-first-order.js";
import type { CouponRepository, CouponRow } from "../domain/coupons/coupon-repository.js";
import type { CustomerOrderHistory } from "../shopify/customer-order-history.js";
import type { DiscountCodeService } from "../shopify/discount-code-service.js";
import { createOrAdoptCode } from "../shopify/create-or-adopt-code.js";
import { ShopifySessionMissingError, ShopifyThrottledError, ShopifyUserError } from "../shopify/shopify-call-errors.js";
import type { CouponJobData } from "./coupon-queue.js";

export interface IssueCouponDeps {
  coupons: CouponRepository;
  discounts: DiscountCodeService;
  customerOrders: CustomerOrderHistory;
  logger: Logger;
}

const issuedHow = {
  create: "created in Shopify",
  lookup: "found by codeDiscountNodeByCode: an earlier attempt created it",
  taken: "Shopify said TAKEN: adopted the code an earlier run created",
};

export function createIssueCouponJob(deps: IssueCouponDeps) {
  /** A first-order coupon Shopify's history does not bear out is withdrawn; any other is created or adopted. */
  async function issue(coupon: CouponRow & { shopDomain: string }, mayHaveRunBefore: boolean, logger: Logger) {
    const verdict = await confirmFirstOrder(
      { history: deps.customerOrders.forCustomer, claim: deps.coupons.claimFirstOrder },
      coupon.shopDomain,
      coupon,
    );
    if (!verdict.first) {
      await deps.coupons.withdrawPending(coupon.id);
      logger.info({ code: coupon.code, reason: verdict.reason }, "thank-you coupon withdrawn: not a first order");
      return;
    }
    // A first run goes straight to creating (one Admin API call, not two); TAKEN still adopts what exists.
    const { discountId, via } = await createOrAdoptCode(deps.discounts, coupon.shopDomain, coupon, {
      lookFirst: mayHaveRunBefore,
    });
    await deps.coupons.markIssued(coupon.id, discountId);
    logger.info({ code: coupon.code, discountId, via }, `thank-you coupon issued (${issuedHow[via]})`);
  }

  return async function issueCouponJob(job: Job<CouponJobData>, token?: string): Promise<void> {
    const coupon = await deps.coupons.findForIssue(job.data.couponId);
    if (!coupon) throw new UnrecoverableError(`coupon ${job.data.couponId} does not exist`);
    if (coupon.status !== "pending") return;
    const logger = deps.logger.child({ shop: coupon.shopDomain, jobId: job.id, couponId: coupon.id });
    try {
      await issue(coupon, job.attemptsMade > 0 || job.stalledCounter > 0 || coupon.attempts > 0, logger);
    } catch (error) {
      if (error instanceof ShopifyThrottledError && token) {
        // Throttling is not a failure: come back when the bucket has refilled, without spending an attempt.
        logger.info({ waitMs: error.waitMs }, "Shopify throttled coupon creation; waiting");
        await job.moveToDelayed(Date.now() + error.waitMs, token);
        throw new DelayedError();
      }
      const permanent = error instanceof ShopifyUserError || error instanceof ShopifySessionMissingError;
      const message = error instanceof Error ? error.message : String(error);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await deps.coupons.recordAttempt(coupon.id, message, final);
      logger.warn({ err: error, final }, "thank-you coupon not issued");
      throw permanent ? new UnrecoverableError(message) : error;
    }
  };
}
