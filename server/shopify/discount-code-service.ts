// Creates and finds personal discount codes through Admin GraphQL (API 2026-10: the customer goes in `context`).
import type { Shopify } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { z } from "zod";
import type { Coupon } from "@prisma/client";
import { createAdminGraphql, type AdminGraphql } from "./admin-graphql.js";
import { ShopifyUserError } from "./shopify-call-errors.js";

const findQuery = `#graphql
  query AfterglowFindCode($code: String!) {
    codeDiscountNodeByCode(code: $code) { id }
  }`;

const createBasic = `#graphql
  mutation AfterglowCreateCode($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id }
      userErrors { field code message }
    }
  }`;

const createFreeShipping = `#graphql
  mutation AfterglowCreateFreeShippingCode($discount: DiscountCodeFreeShippingInput!) {
    discountCodeFreeShippingCreate(freeShippingCodeDiscount: $discount) {
      codeDiscountNode { id }
      userErrors { field code message }
    }
  }`;

const userErrorsSchema = z.array(
  z.object({ field: z.array(z.string()).nullable(), code: z.string().nullable(), message: z.string() }),
);
const createResult = z.object({
  codeDiscountNode: z.object({ id: z.string() }).nullable(),
  userErrors: userErrorsSchema,
});

/** What a personal code needs: thank-you coupons and points redemptions both have these fields (amounts as
 * decimal strings or Prisma decimals). */
export interface PersonalCode {
  code: string;
  shopifyCustomerId: bigint | null;
  startsAt: Date;
  endsAt: Date;
  minimumSubtotal: { toString(): string } | null;
  kind: Coupon["kind"];
  value: { toString(): string };
  combinesWith: unknown;
  title?: string;
}

/** The mutation input for one coupon: single use, once per customer, limited to that customer when known. */
export function discountInput(coupon: PersonalCode, combinesWith: Record<string, boolean>) {
  const common = {
    title: coupon.title ?? `Thank-you code ${coupon.code}`,
    code: coupon.code,
    context: coupon.shopifyCustomerId
      ? { customers: { add: [`gid://shopify/Customer/${coupon.shopifyCustomerId}`] } }
      : { all: "ALL" },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    startsAt: coupon.startsAt.toISOString(),
    endsAt: coupon.endsAt.toISOString(),
    combinesWith,
    minimumRequirement: coupon.minimumSubtotal
      ? { subtotal: { greaterThanOrEqualToSubtotal: coupon.minimumSubtotal.toString() } }
      : null,
  };
  // Shopify refuses a shipping discount that combines with other shipping discounts.
  if (coupon.kind === "free_shipping")
    return { ...common, combinesWith: { ...combinesWith, shippingDiscounts: false } };
  const value =
    coupon.kind === "percentage"
      ? { percentage: Number(coupon.value) / 100 }
      : { discountAmount: { amount: coupon.value.toString(), appliesOnEachItem: false } };
  return { ...common, customerGets: { value, items: { all: true } } };
}

export function createDiscountCodeService(
  shopify: Shopify,
  sessionStorage: SessionStorage,
  admin: AdminGraphql = createAdminGraphql(shopify, sessionStorage),
) {
  const call = admin.call;

  return {
    /** The crash between Shopify creating a code and our row saying so is closed by looking before creating. */
    async findByCode(shopDomain: string, code: string): Promise<string | null> {
      const data = z
        .object({ codeDiscountNodeByCode: z.object({ id: z.string() }).nullable() })
        .parse(await call(shopDomain, findQuery, { code }));
      return data.codeDiscountNodeByCode?.id ?? null;
    },
    async create(shopDomain: string, coupon: PersonalCode): Promise<string> {
      const combinesWith = z.record(z.string(), z.boolean()).parse(coupon.combinesWith);
      const freeShipping = coupon.kind === "free_shipping";
      const data = await call(shopDomain, freeShipping ? createFreeShipping : createBasic, {
        discount: discountInput(coupon, combinesWith),
      });
      const key = freeShipping ? "discountCodeFreeShippingCreate" : "discountCodeBasicCreate";
      const result = createResult.parse(z.record(z.string(), z.unknown()).parse(data)[key]);
      if (result.userErrors.length > 0 || !result.codeDiscountNode) throw new ShopifyUserError(result.userErrors);
      return result.codeDiscountNode.id;
    },
  };
}

export type DiscountCodeService = ReturnType<typeof createDiscountCodeService>;
