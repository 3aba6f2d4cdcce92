// Shapes a stored discount code as Shopify's DiscountCodeNode, with its DiscountCodeBasic or DiscountCodeFreeShipping.
import { toCents } from "../state/money.js";
import type { SimDiscountCodeRecord, SimDiscountValue } from "../state/sim-types.js";
import { connectionArgsSchema, paginate } from "./connection.js";
import { customerView } from "./customer-resolvers.js";
import type { GraphQLContext } from "./graphql-context.js";
import { toDateTime, toDateTimeOrNull, toGid } from "./gid.js";
import { moneyV2 } from "./money-views.js";

// Union members are told apart by __typename, which graphql-js's default type resolver reads.
function customerGetsValueView(ctx: GraphQLContext, value: SimDiscountValue) {
  if (value.type === "fixed_amount") {
    return {
      __typename: "DiscountAmount",
      amount: moneyV2(toCents(value.amount), ctx.shop.currencyCode),
      appliesOnEachItem: value.appliesOnEachItem,
    };
  }
  return { __typename: "DiscountPercentage", percentage: value.type === "percentage" ? value.percentage : 0 };
}

function contextView(ctx: GraphQLContext, record: SimDiscountCodeRecord) {
  if (!record.customerIds) return { __typename: "DiscountBuyerSelectionAll", all: "ALL" };
  const customers = record.customerIds.flatMap((id) => {
    const customer = ctx.store.findCustomer(ctx.shop.domain, id);
    return customer ? [customerView(ctx, customer)] : [];
  });
  return { __typename: "DiscountCustomers", customers };
}

function minimumRequirementView(ctx: GraphQLContext, record: SimDiscountCodeRecord) {
  if (record.minimumSubtotal === null) return null;
  return {
    __typename: "DiscountMinimumSubtotal",
    greaterThanOrEqualToSubtotal: moneyV2(toCents(record.minimumSubtotal), ctx.shop.currencyCode),
  };
}

/** The fields DiscountCodeBasic and DiscountCodeFreeShipping share. */
function commonView(ctx: GraphQLContext, record: SimDiscountCodeRecord) {
  return {
    title: record.title,
    status: ctx.store.discountCodes.status(record),
    startsAt: toDateTime(record.startsAt),
    endsAt: toDateTimeOrNull(record.endsAt),
    createdAt: toDateTime(record.createdAt),
    updatedAt: toDateTime(record.updatedAt),
    usageLimit: record.usageLimit,
    appliesOncePerCustomer: record.appliesOncePerCustomer,
    asyncUsageCount: record.asyncUsageCount,
    codes: (rawArgs: Record<string, unknown>) =>
      paginate(
        [record],
        connectionArgsSchema.parse(rawArgs),
        (r) => r.redeemCodeId,
        (r) => ({ id: toGid("DiscountRedeemCode", r.redeemCodeId), code: r.code, asyncUsageCount: r.asyncUsageCount }),
      ),
    minimumRequirement: minimumRequirementView(ctx, record),
    combinesWith: record.combinesWith,
    context: () => contextView(ctx, record),
  };
}

function codeDiscountView(ctx: GraphQLContext, record: SimDiscountCodeRecord) {
  if (record.value.type === "free_shipping") {
    return { __typename: "DiscountCodeFreeShipping", ...commonView(ctx, record), discountClasses: ["SHIPPING"] };
  }
  return {
    __typename: "DiscountCodeBasic",
    ...commonView(ctx, record),
    discountClasses: ["ORDER"],
    customerGets: {
      value: customerGetsValueView(ctx, record.value),
      items: { __typename: "AllDiscountItems", allItems: true },
      appliesOnOneTimePurchase: true,
      appliesOnSubscription: false,
    },
  };
}

export function discountCodeNodeView(ctx: GraphQLContext, record: SimDiscountCodeRecord) {
  return { id: toGid("DiscountCodeNode", record.id), codeDiscount: codeDiscountView(ctx, record) };
}
