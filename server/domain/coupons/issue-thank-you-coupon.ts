// Makes one pending thank-you coupon real in Shopify: the first order confirmed, then the code created or adopted.
import type { Logger } from "pino";
import type { CustomerOrderHistory } from "../../shopify/customer-order-history.js";
import type { DiscountCodeService } from "../../shopify/discount-code-service.js";
import { createOrAdoptCode } from "../../shopify/create-or-adopt-code.js";
import {
  ShopifySessionMissingError,
  ShopifyThrottledError,
  ShopifyUserError,
} from "../../shopify/shopify-call-errors.js";
import { confirmFirstOrder } from "./confirm-first-order.js";
import type { CouponRepository, CouponRow } from "./coupon-repository.js";

export interface IssueThankYouCouponDeps {
  coupons: CouponRepository;
  discounts: DiscountCodeService;
  customerOrders: CustomerOrderHistory;
}

export type CouponToIssue = CouponRow & { shopDomain: string };

const issuedHow = {
  create: "created in Shopify",
  lookup: "found by codeDiscountNodeByCode: an earlier attempt created it",
  taken: "Shopify said TAKEN: adopted the code an earlier run created",
};

/** What a failed attempt means for the next: wait out throttling, give up on refused input, else retry later. */
export type IssueFailure =
  | { kind: "throttled"; waitMs: number; message: string }
  | { kind: "permanent"; message: string }
  | { kind: "transient"; message: string };

export function classifyIssueFailure(error: unknown): IssueFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ShopifyThrottledError) return { kind: "throttled", waitMs: error.waitMs, message };
  if (error instanceof ShopifyUserError || error instanceof ShopifySessionMissingError) {
    return { kind: "permanent", message };
  }
  return { kind: "transient", message };
}

export function createIssueThankYouCoupon(deps: IssueThankYouCouponDeps) {
  /**
   * A first-order coupon Shopify's history does not bear out is withdrawn; any other is created or adopted.
   * `mayHaveRunBefore` makes it look the code up first (one more call) in case an earlier run created it.
   * Throws the Admin API's errors; classifyIssueFailure tells the caller what to do with them.
   */
  return async function issueThankYouCoupon(
    coupon: CouponToIssue,
    mayHaveRunBefore: boolean,
    logger: Logger,
  ): Promise<"issued" | "withdrawn"> {
    const verdict = await confirmFirstOrder(
      { history: deps.customerOrders.forCustomer, claim: deps.coupons.claimFirstOrder },
      coupon.shopDomain,
      coupon,
    );
    if (!verdict.first) {
      await deps.coupons.withdrawPending(coupon.id);
      logger.info({ code: coupon.code, reason: verdict.reason }, "thank-you coupon withdrawn: not a first order");
      return "withdrawn";
    }
    const { discountId, via } = await createOrAdoptCode(deps.discounts, coupon.shopDomain, coupon, {
      lookFirst: mayHaveRunBefore,
    });
    await deps.coupons.markIssued(coupon.id, discountId);
    logger.info({ code: coupon.code, discountId, via }, `thank-you coupon issued (${issuedHow[via]})`);
    return "issued";
  };
}

export type IssueThankYouCoupon = ReturnType<typeof createIssueThankYouCoupon>;
