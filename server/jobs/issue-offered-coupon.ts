// Issues the coupon an order's job just offered, in that job; what cannot be done now goes to the coupon queue.
import type { Logger } from "pino";
import type { CouponRepository } from "../domain/coupons/coupon-repository.js";
import {
  classifyIssueFailure,
  type CouponToIssue,
  type IssueThankYouCoupon,
} from "../domain/coupons/issue-thank-you-coupon.js";
import type { Offer } from "../domain/coupons/offer-thank-you-coupon.js";

export interface IssueOfferedCouponDeps {
  issue: IssueThankYouCoupon;
  coupons: Pick<CouponRepository, "recordAttempt">;
  /** The coupon queue, for an attempt after `delayMs`. */
  enqueueCoupon: (couponId: number, delayMs: number) => Promise<void>;
}

/** Another job recorded it and is issuing it now; the coupon queue checks back in case that job died. */
const safetyNetDelayMs = 5000;

/**
 * A queue hop between offering and issuing would cost the shopper a job's latency and the machine a job's CPU on
 * every order of a sale, so the job that recorded the coupon issues it. Returns the activity note; never throws for
 * Shopify's answers, so the calling job's other work is not redone for them.
 */
export function createIssueOfferedCoupon(deps: IssueOfferedCouponDeps) {
  async function issueNow(coupon: CouponToIssue, logger: Logger): Promise<string> {
    try {
      return `coupon ${coupon.code} ${await deps.issue(coupon, false, logger)}`;
    } catch (error) {
      const failure = classifyIssueFailure(error);
      if (failure.kind === "throttled") {
        logger.info({ waitMs: failure.waitMs }, "Shopify throttled coupon creation; the coupon queue waits it out");
        await deps.enqueueCoupon(coupon.id, failure.waitMs);
        return `coupon ${coupon.code} pending: Shopify throttled its creation`;
      }
      await deps.coupons.recordAttempt(coupon.id, failure.message, failure.kind === "permanent");
      if (failure.kind === "transient") await deps.enqueueCoupon(coupon.id, 1000);
      logger.warn({ err: error, final: failure.kind === "permanent" }, "thank-you coupon not issued");
      return `coupon ${coupon.code} not issued: ${failure.message}`;
    }
  }

  return async function issueOfferedCoupon(offer: Offer, shopDomain: string, logger: Logger): Promise<string> {
    if (offer.kind === "declined") return `no coupon: ${offer.reason}`;
    if (offer.fresh) return issueNow({ ...offer.fresh, shopDomain }, logger);
    if (offer.coupon.status === "pending") await deps.enqueueCoupon(offer.coupon.id, safetyNetDelayMs);
    return `coupon ${offer.coupon.code} ${offer.coupon.status}`;
  };
}

export type IssueOfferedCoupon = ReturnType<typeof createIssueOfferedCoupon>;
