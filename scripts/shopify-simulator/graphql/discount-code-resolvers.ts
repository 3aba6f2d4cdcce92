// Resolves discount codes: `discountCodeBasicCreate`, `discountCodeFreeShippingCreate` and lookups by id or code.
import { z } from "zod";
import { basicInputSchema, freeShippingInputSchema, type DiscountUserError } from "./discount-code-input.js";
import { discountCodeNodeView } from "./discount-code-view.js";
import { requireScope, type GraphQLContext } from "./graphql-context.js";
import { parseGid } from "./gid.js";
import type { ResolverArea } from "./root-fields.js";
import {
  validateBasicInput,
  validateFreeShippingInput,
  type DiscountInputResult,
} from "./validate-discount-code-input.js";

interface CreatePayload {
  codeDiscountNode: ReturnType<typeof discountCodeNodeView> | null;
  userErrors: DiscountUserError[];
}

/** Shopify answers refused input with data: the payload carries userErrors and a null node. */
function createFrom(ctx: GraphQLContext, result: DiscountInputResult): CreatePayload {
  if (!result.input) return { codeDiscountNode: null, userErrors: result.userErrors };
  const record = ctx.store.discountCodes.create(ctx.shop.domain, result.input);
  return { codeDiscountNode: discountCodeNodeView(ctx, record), userErrors: [] };
}

export const discountCodeResolvers: ResolverArea = {
  query: {
    codeDiscountNode: (args, ctx) => {
      requireScope(ctx, "codeDiscountNode", "read_discounts");
      const id = parseGid(z.string().parse(args.id), "DiscountCodeNode");
      const record = ctx.store.discountCodes.findById(ctx.shop.domain, id);
      return record ? discountCodeNodeView(ctx, record) : null;
    },
    codeDiscountNodeByCode: (args, ctx) => {
      requireScope(ctx, "codeDiscountNodeByCode", "read_discounts");
      const record = ctx.store.discountCodes.find(ctx.shop.domain, z.string().parse(args.code));
      return record ? discountCodeNodeView(ctx, record) : null;
    },
  },
  mutation: {
    discountCodeBasicCreate: (args, ctx) => {
      requireScope(ctx, "discountCodeBasicCreate", "write_discounts");
      const raw = basicInputSchema.parse(args.basicCodeDiscount);
      return createFrom(ctx, validateBasicInput(ctx, "basicCodeDiscount", raw));
    },
    discountCodeFreeShippingCreate: (args, ctx) => {
      requireScope(ctx, "discountCodeFreeShippingCreate", "write_discounts");
      const raw = freeShippingInputSchema.parse(args.freeShippingCodeDiscount);
      return createFrom(ctx, validateFreeShippingInput(ctx, "freeShippingCodeDiscount", raw));
    },
  },
};
