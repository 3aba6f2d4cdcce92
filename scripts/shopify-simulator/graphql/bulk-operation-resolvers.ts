// Resolves bulkOperationRunQuery, currentBulkOperation and node(id) for bulk operations, in Shopify's shapes.
import { z } from "zod";
import { bulkOperationsOf, type SimBulkOperation } from "../state/bulk-operations.js";
import type { GraphQLContext } from "./graphql-context.js";
import { parseGid, toDateTime, toDateTimeOrNull, toGid } from "./gid.js";
import type { ResolverArea } from "./root-fields.js";
import { planBulkQuery, runBulkQuery } from "./run-bulk-query.js";
import type { GraphQLSchema } from "graphql";

export function bulkOperationView(ctx: GraphQLContext, op: SimBulkOperation) {
  const registry = bulkOperationsOf(ctx.store);
  return {
    __typename: "BulkOperation",
    id: toGid("BulkOperation", op.id),
    status: op.status,
    errorCode: op.errorCode,
    createdAt: toDateTime(op.createdAt),
    completedAt: toDateTimeOrNull(op.completedAt),
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url: op.status === "COMPLETED" ? `${registry.baseUrl}/bulk-operations/${op.id}.jsonl` : null,
    partialDataUrl: null,
    query: op.query,
    type: "QUERY",
  };
}

/** The schema is needed to run the node selection; admin-schema.ts hands it over once built. */
let adminSchema: GraphQLSchema | undefined;
export function useSchemaForBulkQueries(schema: GraphQLSchema): void {
  adminSchema = schema;
}

export const bulkOperationResolvers: ResolverArea = {
  query: {
    currentBulkOperation: (_args, ctx) => {
      const op = bulkOperationsOf(ctx.store).current(ctx.shop.domain);
      return op ? bulkOperationView(ctx, op) : null;
    },
    node: (args, ctx) => {
      const gid = z.string().parse(args.id);
      if (!gid.startsWith("gid://shopify/BulkOperation/")) return null;
      const op = bulkOperationsOf(ctx.store).byId.get(parseGid(gid, "BulkOperation"));
      return op && op.shopDomain === ctx.shop.domain ? bulkOperationView(ctx, op) : null;
    },
  },
  mutation: {
    bulkOperationRunQuery: (args, ctx) => {
      const registry = bulkOperationsOf(ctx.store);
      const current = registry.current(ctx.shop.domain);
      if (current && registry.running(ctx.shop.domain)) {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: null,
              message: `A bulk query operation for this app and shop is already in progress: ${toGid("BulkOperation", current.id)}.`,
              code: "OPERATION_IN_PROGRESS",
            },
          ],
        };
      }
      const query = z.string().parse(args.query);
      if (!adminSchema) throw new Error("bulk queries need the admin schema");
      const plan = planBulkQuery(adminSchema, query);
      if (typeof plan === "string") {
        return { bulkOperation: null, userErrors: [{ field: ["query"], message: plan, code: "INVALID" }] };
      }
      const op = registry.create(ctx.shop.domain, query, new Date());
      const schema = adminSchema;
      setImmediate(() => void runBulkQuery(schema, ctx, plan, op, registry.historyOf(ctx.shop.domain)));
      return { bulkOperation: bulkOperationView(ctx, op), userErrors: [] };
    },
  },
};
