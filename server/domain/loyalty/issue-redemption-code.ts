// Creates a redemption's discount code in Shopify, or gives the points back when Shopify refuses it.
import type { Redemption } from "@prisma/client";
import { createOrAdoptCode } from "../../shopify/create-or-adopt-code.js";
import type { DiscountCodeService, PersonalCode } from "../../shopify/discount-code-service.js";
import { ShopifySessionMissingError, ShopifyUserError } from "../../shopify/shopify-call-errors.js";
import type { RedemptionRepository } from "./redemption-repository.js";

export type IssueOutcome =
  | { kind: "issued"; discountId: string }
  | { kind: "returned"; error: string }
  /** Shopify could not be reached or throttled us: the points stay spent and a retry finishes the job. */
  | { kind: "retry"; error: unknown };

export interface IssueDeps {
  redemptions: RedemptionRepository;
  discounts: Pick<DiscountCodeService, "findByCode" | "create">;
}

export function redemptionCode(redemption: Redemption): PersonalCode {
  return {
    title: `Points redemption ${redemption.code}`,
    code: redemption.code,
    shopifyCustomerId: redemption.shopifyCustomerId,
    startsAt: redemption.startsAt,
    endsAt: redemption.endsAt,
    minimumSubtotal: null,
    kind: "fixed_amount",
    value: redemption.value,
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
  };
}

/**
 * Only a definite refusal (userErrors, or no access to the shop) returns the points: then no code exists.
 * Anything else may have created the code, so it is retried (looking before creating) until it settles.
 */
export async function issueRedemptionCode(
  deps: IssueDeps,
  shopDomain: string,
  redemption: Redemption,
): Promise<IssueOutcome> {
  try {
    const { discountId } = await createOrAdoptCode(deps.discounts, shopDomain, redemptionCode(redemption));
    await deps.redemptions.markIssued(redemption.id, discountId);
    return { kind: "issued", discountId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ShopifyUserError || error instanceof ShopifySessionMissingError) {
      await deps.redemptions.returnPoints(redemption, message);
      return { kind: "returned", error: message };
    }
    await deps.redemptions.recordAttempt(redemption.id, message);
    return { kind: "retry", error };
  }
}
