// A customer turns points into a discount code: quote, debit under the lock, create the code, settle the outcome.
import type { Redemption, Shop } from "@prisma/client";
import { generateCouponCode } from "../coupons/generate-coupon-code.js";
import { issueRedemptionCode, type IssueDeps } from "./issue-redemption-code.js";
import { quoteRedemption } from "./redemption-value.js";

export interface RedeemDeps extends IssueDeps {
  /** Schedules another try when Shopify could not be reached; the points stay spent until it settles. */
  retryLater: (redemptionId: number) => Promise<void>;
  balanceOf: (customerId: number) => Promise<number>;
  now?: () => Date;
}

export interface RedeemRequest {
  shop: Shop;
  shopifyCustomerId: bigint;
  points: number;
  source: "app_proxy" | "checkout";
  requestKey: string | null;
}

export type RedeemResult =
  | { kind: "issued" | "pending"; redemption: Redemption; balance: number }
  | { kind: "returned"; redemption: Redemption; balance: number }
  | { kind: "insufficient"; balance: number }
  | { kind: "invalid"; reason: "disabled" | "below_minimum" | "not_a_multiple"; minimumPoints: number; step: number };

const dayMs = 24 * 60 * 60 * 1000;

function settled(redemption: Redemption, balance: number): RedeemResult {
  if (redemption.status === "issued") return { kind: "issued", redemption, balance };
  if (redemption.status === "refunded") return { kind: "returned", redemption, balance };
  return { kind: "pending", redemption, balance };
}

export async function redeemPoints(deps: RedeemDeps, request: RedeemRequest): Promise<RedeemResult> {
  const settings = await deps.redemptions.settingsFor(request.shop.id);
  const quote = quoteRedemption(settings, request.points);
  if (!quote.ok) return { kind: "invalid", reason: quote.reason, minimumPoints: quote.minimumPoints, step: quote.step };
  const now = deps.now?.() ?? new Date();
  const debit = await deps.redemptions.debit({
    shopId: request.shop.id,
    customer: { shopifyCustomerId: request.shopifyCustomerId },
    points: quote.points,
    value: quote.value,
    currencyCode: request.shop.currencyCode ?? "USD",
    code: generateCouponCode("POINTS"),
    source: request.source,
    requestKey: request.requestKey,
    startsAt: now,
    endsAt: new Date(now.getTime() + settings.codeValidityDays * dayMs),
  });
  // A customer we never saw has earned nothing yet.
  if (debit.kind === "no_customer") return { kind: "insufficient", balance: 0 };
  if (debit.kind === "insufficient") return debit;
  if (debit.kind === "replayed") return settled(debit.redemption, debit.balance);
  const outcome = await issueRedemptionCode(deps, request.shop.domain, debit.redemption);
  if (outcome.kind === "retry") await deps.retryLater(debit.redemption.id);
  const latest = (await deps.redemptions.findById(debit.redemption.id)) ?? debit.redemption;
  return settled(latest, await deps.balanceOf(latest.customerId));
}
