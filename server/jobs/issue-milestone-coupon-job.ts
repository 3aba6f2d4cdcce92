// Creates a milestone's personal code in Shopify (looked up first, so a rerun adopts it) and emails it to the customer.
import { Prisma } from "@prisma/client";
import { UnrecoverableError } from "bullmq";
import type { Logger } from "pino";
import type { EnqueueEmail } from "../domain/emails/enqueue-email.js";
import type { MilestoneCouponRepository, MilestoneCouponRow } from "../domain/loyalty/milestone-coupon-repository.js";
import type { DiscountCodeService, PersonalCode } from "../shopify/discount-code-service.js";
import { createOrAdoptCode } from "../shopify/create-or-adopt-code.js";
import { ShopifySessionMissingError, ShopifyUserError } from "../shopify/shopify-call-errors.js";

export interface IssueMilestoneCouponDeps {
  milestoneCoupons: MilestoneCouponRepository;
  discounts: Pick<DiscountCodeService, "findByCode" | "create">;
  enqueueEmail: EnqueueEmail;
  logger: Logger;
}

function personalCode(row: MilestoneCouponRow): PersonalCode {
  return {
    title: `Afterglow milestone ${row.milestone} ${row.code}`,
    code: row.code,
    shopifyCustomerId: row.shopifyCustomerId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    minimumSubtotal: null,
    kind: row.kind,
    value: new Prisma.Decimal(row.value),
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
  };
}

async function emailCode(deps: IssueMilestoneCouponDeps, row: MilestoneCouponRow): Promise<void> {
  await deps.enqueueEmail({
    shopId: row.shopId,
    kind: "milestone_reward",
    dedupeKey: `milestone-coupon:${row.id}`,
    to: row.email,
    language: row.locale,
    promotional: false,
    customerId: row.customerId,
    data: {
      customer: { firstName: row.firstName },
      milestone: { orders: row.milestone },
      coupon: {
        code: row.code,
        kind: row.kind,
        value: row.value.replace(/\.00$/, ""),
        currencyCode: row.currencyCode,
        endsOn: row.endsAt.toISOString().slice(0, 10),
      },
    },
  });
}

/** Shopify refusing the code is final (recorded, no email); an unreachable Shopify throws and BullMQ retries. */
export function createIssueMilestoneCouponJob(deps: IssueMilestoneCouponDeps) {
  return async function issueMilestoneCoupon(id: number, jobId: string | undefined): Promise<void> {
    const row = await deps.milestoneCoupons.findForIssue(id);
    if (!row) throw new UnrecoverableError(`milestone coupon ${id} does not exist`);
    const logger = deps.logger.child({ shop: row.shopDomain, jobId, milestoneCouponId: id });
    if (row.status === "pending") {
      try {
        const { discountId } = await createOrAdoptCode(deps.discounts, row.shopDomain, personalCode(row));
        await deps.milestoneCoupons.markIssued(id, discountId);
        logger.info({ code: row.code, discountId, milestone: row.milestone }, "milestone coupon issued");
      } catch (error) {
        if (!(error instanceof ShopifyUserError || error instanceof ShopifySessionMissingError)) throw error;
        await deps.milestoneCoupons.markFailed(id, error.message);
        logger.warn({ err: error }, "milestone coupon refused by Shopify");
        throw new UnrecoverableError(error.message);
      }
    }
    // Issued now or by an earlier run that stopped before its email: the outbox's dedupe key sends it once.
    if (row.status !== "failed") await emailCode(deps, row);
  };
}
