// Resolves `customer(id)` and `customers(...)`, with order count and amount spent derived from the shop's orders.
import { z } from "zod";
import { orderTotals } from "../state/order-totals.js";
import type { SimCustomer } from "../state/sim-types.js";
import { connectionArgsSchema, paginate } from "./connection.js";
import { requireScope, type GraphQLContext } from "./graphql-context.js";
import { parseGid, toDateTime, toGid } from "./gid.js";
import { metafieldView } from "./metafield-resolvers.js";
import { moneyV2 } from "./money-views.js";
import type { ResolverArea } from "./root-fields.js";
import { applySearchQuery, type SearchFields } from "./search-query.js";

const customersArgsSchema = connectionArgsSchema.extend({
  query: z.string().nullish(),
  reverse: z.boolean().nullish(),
  sortKey: z.enum(["ID", "CREATED_AT", "UPDATED_AT"]).nullish(),
});

const searchFields: SearchFields<SimCustomer> = {
  id: (c) => c.id,
  email: (c) => c.email,
  first_name: (c) => c.firstName,
  last_name: (c) => c.lastName,
  created_at: (c) => c.createdAt,
  updated_at: (c) => c.updatedAt,
  accepts_marketing: (c) => c.acceptsMarketing,
};

export function customerView(ctx: GraphQLContext, c: SimCustomer) {
  const orders = ctx.store.ordersOfCustomer(ctx.shop.domain, c.id).filter((o) => !o.cancelledAt);
  const spentCents = orders
    .filter((o) => o.financialStatus !== "pending" && o.financialStatus !== "voided")
    .reduce((sum, o) => sum + orderTotals(o).currentTotalCents, 0);
  return {
    id: toGid("Customer", c.id),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`.trim(),
    email: c.email,
    phone: c.phone,
    locale: c.locale,
    // UnsignedInt64 is serialised as a string by Shopify.
    numberOfOrders: String(orders.length),
    amountSpent: moneyV2(spentCents, ctx.shop.currencyCode),
    emailMarketingConsent: {
      marketingState: c.acceptsMarketing ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
      marketingOptInLevel: "SINGLE_OPT_IN",
      consentUpdatedAt: c.acceptsMarketing ? toDateTime(c.createdAt) : null,
    },
    createdAt: toDateTime(c.createdAt),
    updatedAt: toDateTime(c.updatedAt),
    metafield: (args: { namespace?: string | null; key: string }) => {
      const found = ctx.store.metafields.find(
        ctx.shop.domain,
        toGid("Customer", c.id),
        args.namespace ?? "$app",
        args.key,
      );
      return found ? metafieldView(found) : null;
    },
  };
}

function sortCustomers(items: SimCustomer[], sortKey: string | null | undefined, reverse: boolean): SimCustomer[] {
  const key = (c: SimCustomer): number =>
    sortKey === "CREATED_AT" ? c.createdAt.getTime() : sortKey === "UPDATED_AT" ? c.updatedAt.getTime() : c.id;
  const sorted = [...items].sort((a, b) => key(a) - key(b) || a.id - b.id);
  return reverse ? sorted.reverse() : sorted;
}

export const customerResolvers: ResolverArea = {
  query: {
    customer: (args, ctx) => {
      requireScope(ctx, "customer", "read_customers");
      const id = parseGid(z.string().parse(args.id), "Customer");
      const customer = ctx.store.findCustomer(ctx.shop.domain, id);
      return customer ? customerView(ctx, customer) : null;
    },
    customers: (rawArgs, ctx) => {
      requireScope(ctx, "customers", "read_customers");
      const args = customersArgsSchema.parse(rawArgs);
      const filtered = applySearchQuery(ctx.store.listCustomers(ctx.shop.domain), args.query, searchFields);
      const sorted = sortCustomers(filtered, args.sortKey, args.reverse ?? false);
      return paginate(
        sorted,
        args,
        (c) => c.id,
        (c) => customerView(ctx, c),
      );
    },
  },
};
