// Makes a personal discount code exactly once, whether or not an earlier (crashed or duplicate) run already made it.
import type { DiscountCodeService, PersonalCode } from "./discount-code-service.js";
import { ShopifyUserError } from "./shopify-call-errors.js";

export type CodeIssuedVia = "create" | "lookup" | "taken";

/**
 * Shopify is the truth. A run that may have come before looks the code up first; one that cannot have skips that
 * call. A create refused as TAKEN is ours from an earlier run (our codes are unguessable): it is adopted.
 */
export async function createOrAdoptCode(
  discounts: Pick<DiscountCodeService, "findByCode" | "create">,
  shopDomain: string,
  code: PersonalCode,
  options: { lookFirst: boolean } = { lookFirst: true },
): Promise<{ discountId: string; via: CodeIssuedVia }> {
  const existing = options.lookFirst ? await discounts.findByCode(shopDomain, code.code) : null;
  if (existing) return { discountId: existing, via: "lookup" };
  try {
    return { discountId: await discounts.create(shopDomain, code), via: "create" };
  } catch (error) {
    const taken = error instanceof ShopifyUserError && error.userErrors.some((entry) => entry.code === "TAKEN");
    const adopted = taken ? await discounts.findByCode(shopDomain, code.code) : null;
    if (adopted) return { discountId: adopted, via: "taken" };
    throw error;
  }
}
