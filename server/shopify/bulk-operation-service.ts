// Starts and polls the Admin GraphQL bulk operation that exports a shop's past orders (with their customers).
import type { Shopify } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { z } from "zod";
import { ShopifySessionMissingError, ShopifyUserError } from "./shopify-call-errors.js";

/**
 * Orders placed before the install; webhooks bring everything after it. Customers and refunds come inline with their
 * orders (refunds is a plain list, not a connection, so each order stays one JSONL line).
 */
export function historyBulkQuery(before: Date): string {
  return `{
  orders(query: "created_at:<'${before.toISOString()}'") {
    edges { node {
      id name createdAt updatedAt processedAt cancelledAt displayFinancialStatus currencyCode
      subtotalPriceSet { shopMoney { amount } }
      currentSubtotalPriceSet { shopMoney { amount } }
      refunds { id createdAt totalRefundedSet { shopMoney { amount } } }
      customer { id email firstName lastName locale }
    } }
  }
}`;
}

const runMutation = `#graphql
  mutation AfterglowHistoryExport($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }`;

const pollQuery = `#graphql
  query AfterglowHistoryExportStatus($id: ID!) {
    node(id: $id) { ... on BulkOperation { id status errorCode objectCount url } }
  }`;

const runResult = z.object({
  bulkOperationRunQuery: z.object({
    bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
    userErrors: z.array(
      z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string().nullable() }),
    ),
  }),
});

const bulkOperationSchema = z.object({
  id: z.string(),
  status: z.string(),
  errorCode: z.string().nullable(),
  objectCount: z.coerce.number(),
  url: z.string().nullable(),
});
export type BulkOperationState = z.infer<typeof bulkOperationSchema>;

export function createBulkOperationService(shopify: Shopify, sessionStorage: SessionStorage) {
  async function request(shopDomain: string, query: string, variables: Record<string, unknown>) {
    const session = await sessionStorage.loadSession(shopify.session.getOfflineId(shopDomain));
    if (!session?.accessToken) throw new ShopifySessionMissingError(`no offline session for ${shopDomain}`);
    const response = await new shopify.clients.Graphql({ session }).request(query, { variables, retries: 3 });
    return response.data;
  }
  return {
    /** The new operation's gid; a userError (e.g. another export running) is thrown for the job to retry. */
    async startHistoryExport(shopDomain: string, before: Date): Promise<string> {
      const data = runResult.parse(await request(shopDomain, runMutation, { query: historyBulkQuery(before) }));
      const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
      if (!bulkOperation) throw new ShopifyUserError(userErrors);
      return bulkOperation.id;
    },
    async bulkOperation(shopDomain: string, id: string): Promise<BulkOperationState | null> {
      const data = z
        .object({ node: bulkOperationSchema.nullable() })
        .parse(await request(shopDomain, pollQuery, { id }));
      return data.node;
    },
  };
}

export type BulkOperationService = ReturnType<typeof createBulkOperationService>;
