// A customers/data_request's answer: every row of every table that belongs to the customer, as JSON to hand over.
import type { Queryable } from "../loyalty/ledger-repository.js";
import type { ComplianceSubject } from "./compliance-payloads.js";
import { matchCustomer, type CustomerMatch } from "./customer-match.js";

/**
 * Not customer data, or not ours to hand over: the shop, staff accounts and sessions; the raw webhook bodies (the same facts
 * as the tables, exactly as Shopify sent them); the requests themselves (an export would contain older exports).
 */
const excludedTables = new Set([
  "shop",
  "session",
  "staff_member",
  "webhook_inbox",
  "compliance_request",
  "_prisma_migrations",
]);

export interface CustomerDataExport {
  format: "afterglow-customer-data/1";
  shop: string;
  generatedAt: string;
  dataRequestId: string | null;
  customer: { shopifyCustomerId: string; email: string | null; phone: string | null; ordersRequested: string[] };
  /** Table name to its rows (all columns); tables with nothing of this customer are left out. */
  tables: Record<string, unknown[]>;
}

/**
 * How a table's row belongs to the customer, from its columns: our customer id (also as referrer or friend), their
 * Shopify id, their email address, or, only in tables that do not name the customer, one of their orders. Read from
 * the catalogue, so a table added later is exported without a change here.
 */
function ownership(columns: Set<string>, subject: ComplianceSubject, match: CustomerMatch) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length + 1}`;
  };
  for (const column of ["customer_id", "referrer_id", "referred_id"]) {
    if (columns.has(column)) conditions.push(`t.${column} = ANY(${param(match.customerIds)}::int[])`);
  }
  if (columns.has("shopify_customer_id")) {
    conditions.push(`t.shopify_customer_id = ${param(subject.shopifyCustomerId.toString())}::bigint`);
  }
  for (const column of ["email", "to_address"]) {
    if (columns.has(column) && subject.email) conditions.push(`lower(t.${column}) = ${param(subject.email)}`);
  }
  if (columns.has("shopify_order_id") && !columns.has("customer_id")) {
    conditions.push(`t.shopify_order_id = ANY(${param(match.shopifyOrderIds)}::bigint[])`);
  }
  return { conditions, params };
}

async function tablesWithShopId(db: Queryable): Promise<Map<string, Set<string>>> {
  const result = await db.query<{ table_name: string; columns: string[] }>(
    `SELECT c.table_name::text AS table_name, array_agg(c.column_name::text) AS columns
     FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() GROUP BY c.table_name ORDER BY c.table_name`,
  );
  const tables = new Map<string, Set<string>>();
  for (const row of result.rows) {
    const columns = new Set(row.columns);
    if (!excludedTables.has(row.table_name) && columns.has("shop_id")) tables.set(row.table_name, columns);
  }
  return tables;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function exportCustomerData(
  db: Queryable,
  shop: { id: number; domain: string },
  subject: ComplianceSubject,
  dataRequestId: string | null,
  now: Date,
): Promise<CustomerDataExport> {
  const match = await matchCustomer(db, shop.id, subject);
  const tables: Record<string, unknown[]> = {};
  for (const [table, columns] of await tablesWithShopId(db)) {
    const { conditions, params } =
      table === "customer"
        ? { conditions: ["t.id = ANY($2::int[])"], params: [match.customerIds] }
        : ownership(columns, subject, match);
    if (conditions.length === 0) continue;
    const rows = await db.query<{ row: unknown }>(
      `SELECT row_to_json(t) AS row FROM ${quoted(table)} t WHERE t.shop_id = $1 AND (${conditions.join(" OR ")})`,
      [shop.id, ...params],
    );
    if (rows.rows.length > 0) tables[table] = rows.rows.map((row) => row.row);
  }
  return {
    format: "afterglow-customer-data/1",
    shop: shop.domain,
    generatedAt: now.toISOString(),
    dataRequestId,
    customer: {
      shopifyCustomerId: subject.shopifyCustomerId.toString(),
      email: subject.email,
      phone: subject.phone,
      ordersRequested: subject.shopifyOrderIds.map(String),
    },
    tables,
  };
}

/** "3 orders, 12 ledger entries, ..." for the activity log: how much of each table the export holds. */
export function describeExport(data: CustomerDataExport): string {
  const parts = Object.entries(data.tables).map(([table, rows]) => `${table} ${rows.length}`);
  return parts.length > 0 ? parts.join(", ") : "nothing stored for this customer";
}
