// Resolves `order(id)` and `orders(...)`, deriving money sets and statuses from the simulated order.
import { z } from "zod";
import { toCents } from "../state/money.js";
import { orderTotals, refundLineSubtotalCents, refundLineTaxCents } from "../state/order-totals.js";
import type { SimOrder, SimRefund } from "../state/sim-types.js";
import { connectionArgsSchema, paginate } from "./connection.js";
import { customerView } from "./customer-resolvers.js";
import { requireScope, type GraphQLContext } from "./graphql-context.js";
import { parseGid, toDateTime, toDateTimeOrNull, toGid } from "./gid.js";
import { moneyBag } from "./money-views.js";
import type { ResolverArea } from "./root-fields.js";
import { applySearchQuery, type SearchFields } from "./search-query.js";

const ordersArgsSchema = connectionArgsSchema.extend({
  query: z.string().nullish(),
  reverse: z.boolean().nullish(),
  sortKey: z.enum(["ID", "CREATED_AT", "UPDATED_AT", "PROCESSED_AT"]).nullish(),
});

const searchFields: SearchFields<SimOrder> = {
  id: (o) => o.id,
  name: (o) => `#${o.orderNumber}`,
  email: (o) => o.email,
  customer_id: (o) => o.customerId,
  financial_status: (o) => o.financialStatus,
  created_at: (o) => o.createdAt,
  updated_at: (o) => o.updatedAt,
  processed_at: (o) => o.processedAt,
  test: (o) => o.test,
};

function fulfillmentStatus(o: SimOrder): string {
  const done = new Set(o.fulfillments.flatMap((f) => f.lineItemIds));
  if (done.size === 0) return "UNFULFILLED";
  return o.lineItems.every((li) => done.has(li.id)) ? "FULFILLED" : "PARTIALLY_FULFILLED";
}

function lineItemView(o: SimOrder, li: SimOrder["lineItems"][number]) {
  return {
    id: toGid("LineItem", li.id),
    title: li.title,
    name: li.title,
    quantity: li.quantity,
    sku: li.sku,
    originalUnitPriceSet: moneyBag(toCents(li.price), o.currency),
  };
}

function refundView(o: SimOrder, refund: SimRefund) {
  const cents = refund.lines.reduce(
    (sum, line) => sum + refundLineSubtotalCents(o, line) + refundLineTaxCents(o, line),
    0,
  );
  return {
    id: toGid("Refund", refund.id),
    createdAt: toDateTime(refund.createdAt),
    note: refund.note,
    totalRefundedSet: moneyBag(cents, o.currency),
  };
}

export function orderView(ctx: GraphQLContext, o: SimOrder) {
  const t = orderTotals(o);
  const c = o.currency;
  return {
    id: toGid("Order", o.id),
    name: `#${o.orderNumber}`,
    email: o.email,
    createdAt: toDateTime(o.createdAt),
    updatedAt: toDateTime(o.updatedAt),
    processedAt: toDateTime(o.processedAt),
    cancelledAt: toDateTimeOrNull(o.cancelledAt),
    cancelReason: o.cancelReason?.toUpperCase() ?? null,
    closedAt: toDateTimeOrNull(o.closedAt),
    test: o.test,
    displayFinancialStatus: o.financialStatus.toUpperCase(),
    displayFulfillmentStatus: fulfillmentStatus(o),
    currencyCode: c,
    customerLocale: o.customerLocale,
    discountCodes: o.discountCodes.map((d) => d.code),
    subtotalPriceSet: moneyBag(t.subtotalCents, c),
    currentSubtotalPriceSet: moneyBag(t.currentSubtotalCents, c),
    totalPriceSet: moneyBag(t.totalCents, c),
    currentTotalPriceSet: moneyBag(t.currentTotalCents, c),
    totalDiscountsSet: moneyBag(t.discountCents, c),
    totalTaxSet: moneyBag(t.taxCents, c),
    totalShippingPriceSet: moneyBag(t.shippingCents, c),
    totalRefundedSet: moneyBag(t.refundedCents, c),
    customer: () => {
      const customer = o.customerId == null ? undefined : ctx.store.findCustomer(ctx.shop.domain, o.customerId);
      return customer ? customerView(ctx, customer) : null;
    },
    refunds: (rawArgs: Record<string, unknown>) => {
      const first = z.object({ first: z.number().int().min(0).nullish() }).parse(rawArgs).first;
      return o.refunds.slice(0, first ?? undefined).map((refund) => refundView(o, refund));
    },
    lineItems: (rawArgs: Record<string, unknown>) =>
      paginate(
        o.lineItems,
        connectionArgsSchema.parse(rawArgs),
        (li) => li.id,
        (li) => lineItemView(o, li),
      ),
  };
}

function sortOrders(items: SimOrder[], sortKey: string | null | undefined, reverse: boolean): SimOrder[] {
  const key = (o: SimOrder): number => {
    if (sortKey === "CREATED_AT") return o.createdAt.getTime();
    if (sortKey === "UPDATED_AT") return o.updatedAt.getTime();
    if (sortKey === "PROCESSED_AT") return o.processedAt.getTime();
    return o.id;
  };
  const sorted = [...items].sort((a, b) => key(a) - key(b) || a.id - b.id);
  return reverse ? sorted.reverse() : sorted;
}

export const orderResolvers: ResolverArea = {
  query: {
    order: (args, ctx) => {
      requireScope(ctx, "order", "read_orders");
      const id = parseGid(z.string().parse(args.id), "Order");
      const order = ctx.store.findOrder(ctx.shop.domain, id);
      return order ? orderView(ctx, order) : null;
    },
    orders: (rawArgs, ctx) => {
      requireScope(ctx, "orders", "read_orders");
      const args = ordersArgsSchema.parse(rawArgs);
      const filtered = applySearchQuery(ctx.store.listOrders(ctx.shop.domain), args.query, searchFields);
      const sorted = sortOrders(filtered, args.sortKey, args.reverse ?? false);
      return paginate(
        sorted,
        args,
        (o) => o.id,
        (o) => orderView(ctx, o),
      );
    },
  },
};
