// Runs a bulk query the way Shopify does: every node of one top-level connection, one JSON object per line.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  executeSync,
  Kind,
  parse,
  print,
  validate,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type DocumentNode,
} from "graphql";
import { generatedCustomer, generatedOrder } from "../state/generated-history.js";
import type { SimBulkOperation } from "../state/bulk-operations.js";
import type { SimCustomer, SimOrder } from "../state/sim-types.js";
import { customerView } from "./customer-resolvers.js";
import type { GraphQLContext } from "./graphql-context.js";
import { orderView } from "./order-resolvers.js";
import { applySearchQuery } from "./search-query.js";

export interface BulkPlan {
  root: "orders" | "customers";
  search: string | null;
  /** `query($id: ID!) { order(id: $id) { <node selection> } }`, executed once per node. */
  nodeDocument: DocumentNode;
}

function fieldsOf(selectionSet: SelectionSetNode | undefined): FieldNode[] {
  return (selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

/** The plan for a bulk query, or the user error Shopify would give. */
export function planBulkQuery(schema: GraphQLSchema, query: string): BulkPlan | string {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return `Invalid bulk query: ${error instanceof Error ? error.message : String(error)}`;
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return `Invalid bulk query: ${errors.map((e) => e.message).join("; ")}`;
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const [root, ...others] = fieldsOf(operation?.selectionSet);
  if (!root || others.length > 0 || (root.name.value !== "orders" && root.name.value !== "customers")) {
    return "Bulk queries must contain exactly one top-level connection (the simulator serves orders and customers).";
  }
  const connection = fieldsOf(root.selectionSet);
  const edges = connection.find((f) => f.name.value === "edges");
  const node = edges ? fieldsOf(edges.selectionSet).find((f) => f.name.value === "node") : undefined;
  const selection = node?.selectionSet ?? connection.find((f) => f.name.value === "nodes")?.selectionSet;
  if (!selection) return "Bulk queries must select edges { node { ... } } or nodes { ... } of the connection.";
  const searchArgument = root.arguments?.find((a) => a.name.value === "query")?.value;
  const search = searchArgument?.kind === Kind.STRING ? searchArgument.value : null;
  const single = root.name.value === "orders" ? "order" : "customer";
  return {
    root: root.name.value,
    search,
    nodeDocument: parse(`query ($id: ID!) { ${single}(id: $id) ${print(selection)} }`),
  };
}

const orderSearch = { created_at: (o: SimOrder) => o.createdAt, updated_at: (o: SimOrder) => o.updatedAt };
const customerSearch = { created_at: (c: SimCustomer) => c.createdAt };

/** Every node as a view, generated history first (oldest first), then the store's own records. */
function* nodesOf(ctx: GraphQLContext, plan: BulkPlan, history: { orders: number; customers?: number } | undefined) {
  const endsAt = ctx.installedAt;
  if (plan.root === "orders") {
    const size = { orders: history?.orders ?? 0, customers: history?.customers, endsAt };
    for (let index = 0; index < size.orders; index += 1) {
      const order = generatedOrder(ctx.shop, index, size);
      if (plan.search && applySearchQuery([order], plan.search, orderSearch).length === 0) continue;
      const customers = size.customers ?? Math.max(1, Math.floor(size.orders / 3));
      const customerIndex = order.customerId === null ? null : order.customerId - 8_000_000_000;
      const customer =
        customerIndex === null || customerIndex >= customers
          ? null
          : generatedCustomer(ctx.shop, customerIndex, endsAt);
      yield { ...orderView(ctx, order), customer: customer ? customerView(ctx, customer) : null };
    }
    const own = applySearchQuery(ctx.store.listOrders(ctx.shop.domain), plan.search, orderSearch);
    for (const order of own.sort((a, b) => a.id - b.id)) yield orderView(ctx, order);
    return;
  }
  const customers = history ? (history.customers ?? Math.max(1, Math.floor(history.orders / 3))) : 0;
  for (let index = 0; index < customers; index += 1) {
    const customer = generatedCustomer(ctx.shop, index, endsAt);
    if (plan.search && applySearchQuery([customer], plan.search, customerSearch).length === 0) continue;
    yield customerView(ctx, customer);
  }
  const own = applySearchQuery(ctx.store.listCustomers(ctx.shop.domain), plan.search, customerSearch);
  for (const customer of own.sort((a, b) => a.id - b.id)) yield customerView(ctx, customer);
}

/** Writes the JSONL file (with backpressure) and completes or fails the operation. */
export async function runBulkQuery(
  schema: GraphQLSchema,
  ctx: GraphQLContext,
  plan: BulkPlan,
  operation: SimBulkOperation,
  history: { orders: number; customers?: number } | undefined,
): Promise<void> {
  operation.status = "RUNNING";
  const filePath = join(tmpdir(), `shopify-sim-bulk-${process.pid}-${operation.id}.jsonl`);
  const out = createWriteStream(filePath);
  try {
    let count = 0;
    for (const view of nodesOf(ctx, plan, history)) {
      const result = executeSync({
        schema,
        document: plan.nodeDocument,
        rootValue: { order: () => view, customer: () => view },
        contextValue: ctx,
        variableValues: { id: "gid://shopify/Node/0" },
      });
      const data = result.data as Record<string, unknown> | null | undefined;
      const line = data?.[plan.root === "orders" ? "order" : "customer"];
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
      count += 1;
      // Yield to the event loop now and then, so polling answers while a large file is written.
      if (count % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    out.end();
    await once(out, "finish");
    operation.objectCount = count;
    operation.rootObjectCount = count;
    operation.fileSize = (await stat(filePath)).size;
    operation.filePath = filePath;
    operation.status = "COMPLETED";
  } catch {
    out.destroy();
    operation.status = "FAILED";
    operation.errorCode = "INTERNAL_SERVER_ERROR";
  }
  operation.completedAt = new Date();
}
