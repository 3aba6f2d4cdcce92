// Asks Shopify how many orders a customer has and which came first: our own records may miss imported history.
import { z } from "zod";
import type { AdminGraphql } from "./admin-graphql.js";

// Cost 1 (one object; numberOfOrders is a scalar, UnsignedInt64 serialised as a string).
const countQuery = `#graphql
  query AfterglowCustomerOrderCount($id: ID!) {
    customer(id: $id) { numberOfOrders }
  }`;

// Cost 3 (a connection of one): only asked when the count says the customer has more than this order.
const oldestQuery = `#graphql
  query AfterglowOldestOrder($search: String!) {
    orders(first: 1, sortKey: CREATED_AT, query: $search) { nodes { id } }
  }`;

const countResult = z.object({ customer: z.object({ numberOfOrders: z.string() }).nullable() });
const oldestResult = z.object({ orders: z.object({ nodes: z.array(z.object({ id: z.string() })) }) });

export interface ShopifyOrderHistory {
  /** Null when Shopify does not know the customer. */
  numberOfOrders: number | null;
  /** The customer's oldest order in Shopify, asked only when they have more than one; null if not asked or none. */
  oldestOrderId: bigint | null;
}

export function createCustomerOrderHistory(admin: AdminGraphql) {
  return {
    async forCustomer(shopDomain: string, shopifyCustomerId: bigint): Promise<ShopifyOrderHistory> {
      const counted = countResult.parse(
        await admin.call(shopDomain, countQuery, { id: `gid://shopify/Customer/${shopifyCustomerId}` }),
      );
      if (!counted.customer) return { numberOfOrders: null, oldestOrderId: null };
      const numberOfOrders = Number(counted.customer.numberOfOrders);
      if (numberOfOrders <= 1) return { numberOfOrders, oldestOrderId: null };
      const oldest = oldestResult.parse(
        await admin.call(shopDomain, oldestQuery, { search: `customer_id:${shopifyCustomerId}` }),
      );
      const id = oldest.orders.nodes[0]?.id;
      return { numberOfOrders, oldestOrderId: id ? BigInt(id.slice(id.lastIndexOf("/") + 1)) : null };
    },
  };
}

export type CustomerOrderHistory = ReturnType<typeof createCustomerOrderHistory>;
