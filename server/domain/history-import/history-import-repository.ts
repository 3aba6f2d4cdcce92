// The import's progress row and its batch upserts: customers, then orders, then the line count, in one transaction.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { HistoryCustomerRow, HistoryOrderRow, HistoryRefundRow } from "./history-order-line.js";
import { refreshOrderFacts } from "./refresh-order-facts.js";

export interface HistoryImportRow {
  shopId: number;
  bulkOperationId: string | null;
  status: "waiting" | "importing" | "completed" | "failed";
  objectCount: number | null;
  linesDone: number;
  customersDone: number;
  ordersDone: number;
  lastError: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const columns = `shop_id AS "shopId", bulk_operation_id AS "bulkOperationId", status, object_count AS "objectCount",
  lines_done AS "linesDone", customers_done AS "customersDone", orders_done AS "ordersDone", last_error AS "lastError",
  started_at AS "startedAt", finished_at AS "finishedAt"`;

// A customer a webhook already recorded keeps its fields; the import only fills what is missing.
const customersSql = `
INSERT INTO customer (shop_id, shopify_customer_id, email, first_name, last_name, locale, updated_at)
SELECT $1, c.id::bigint, c.email, c.first_name, c.last_name, c.locale, now()
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(id, email, first_name, last_name, locale)
ON CONFLICT (shop_id, shopify_customer_id) DO UPDATE SET
  email = COALESCE(customer.email, EXCLUDED.email),
  first_name = COALESCE(customer.first_name, EXCLUDED.first_name),
  last_name = COALESCE(customer.last_name, EXCLUDED.last_name)
RETURNING (xmax = 0) AS inserted`;

// Same rule as webhooks: an older version of an order never overwrites a newer one.
const ordersSql = `
INSERT INTO "order" (shop_id, shopify_order_id, customer_id, name, currency_code, subtotal_price, financial_status,
                     cancelled_at, shopify_created_at, shopify_updated_at, updated_at)
SELECT $1, o.id::bigint, cu.id, o.name, o.currency, o.subtotal::numeric, o.status,
       (o.cancelled_at::timestamptz AT TIME ZONE 'UTC'), (o.created_at::timestamptz AT TIME ZONE 'UTC'),
       (o.updated_at::timestamptz AT TIME ZONE 'UTC'), now()
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
  AS o(id, customer, name, currency, subtotal, status, cancelled_at, created_at, updated_at)
LEFT JOIN customer cu ON cu.shop_id = $1 AND cu.shopify_customer_id = o.customer::bigint
ON CONFLICT (shop_id, shopify_order_id) DO UPDATE SET
  customer_id = COALESCE(EXCLUDED.customer_id, "order".customer_id),
  subtotal_price = EXCLUDED.subtotal_price,
  financial_status = EXCLUDED.financial_status,
  cancelled_at = EXCLUDED.cancelled_at,
  shopify_updated_at = EXCLUDED.shopify_updated_at,
  updated_at = now()
WHERE "order".shopify_updated_at IS NULL OR "order".shopify_updated_at < EXCLUDED.shopify_updated_at`;

// Refunds made before the install, recorded once by their Shopify id as the refund webhook would.
const refundsSql = `
INSERT INTO loyalty_refund (shop_id, shopify_refund_id, shopify_order_id, subtotal, refunded_at)
SELECT $1, r.id::bigint, r.order_id::bigint, r.subtotal::numeric, (r.refunded_at::timestamptz AT TIME ZONE 'UTC')
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS r(id, order_id, subtotal, refunded_at)
ON CONFLICT (shop_id, shopify_refund_id) DO NOTHING`;

export interface HistoryBatch {
  customers: HistoryCustomerRow[];
  orders: HistoryOrderRow[];
  refunds: HistoryRefundRow[];
}

async function writeBatch(pool: PgPool, shopId: number, batch: HistoryBatch, linesDone: number): Promise<void> {
  const { customers, orders, refunds } = batch;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // The order triggers would recompute each batch's customers from all their orders, batch after batch; the
    // import refreshes its shop's customers once at the end instead (refreshOrderFacts).
    await client.query(`SELECT set_config('afterglow.defer_order_facts', 'on', true)`);
    const inserted = await client.query<{ inserted: boolean }>(customersSql, [
      shopId,
      customers.map((c) => c.shopifyCustomerId),
      customers.map((c) => c.email),
      customers.map((c) => c.firstName),
      customers.map((c) => c.lastName),
      customers.map((c) => c.locale),
    ]);
    const newCustomers = inserted.rows.filter((row) => row.inserted).length;
    await client.query(ordersSql, [
      shopId,
      orders.map((o) => o.shopifyOrderId),
      orders.map((o) => o.shopifyCustomerId),
      orders.map((o) => o.name),
      orders.map((o) => o.currencyCode),
      orders.map((o) => o.subtotal),
      orders.map((o) => o.financialStatus),
      orders.map((o) => o.cancelledAt),
      orders.map((o) => o.createdAt),
      orders.map((o) => o.updatedAt),
    ]);
    await client.query(refundsSql, [
      shopId,
      refunds.map((r) => r.shopifyRefundId),
      refunds.map((r) => r.shopifyOrderId),
      refunds.map((r) => r.subtotal),
      refunds.map((r) => r.refundedAt),
    ]);
    await client.query(
      `UPDATE history_import SET lines_done = $2, customers_done = customers_done + $3,
         orders_done = orders_done + $4, status = 'importing', updated_at = now() WHERE shop_id = $1`,
      [shopId, linesDone, newCustomers, orders.length],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

// $6 restart: back to the first line with a new export; $7 finished: stamp the end.
const updateSql = `UPDATE history_import SET
   bulk_operation_id = CASE WHEN $6 THEN NULL ELSE COALESCE($2, bulk_operation_id) END,
   status = COALESCE($3, status),
   object_count = CASE WHEN $6 THEN NULL ELSE COALESCE($4, object_count) END,
   last_error = $5,
   lines_done = CASE WHEN $6 THEN 0 ELSE lines_done END,
   customers_done = CASE WHEN $6 THEN 0 ELSE customers_done END,
   orders_done = CASE WHEN $6 THEN 0 ELSE orders_done END,
   started_at = CASE WHEN $6 THEN now() ELSE started_at END,
   finished_at = CASE WHEN $7 THEN now() WHEN $6 THEN NULL ELSE finished_at END,
   updated_at = now()
 WHERE shop_id = $1`;

export function createHistoryImportRepository(pool: PgPool) {
  return {
    refreshOrderFacts: (shopId: number) => refreshOrderFacts(pool, shopId),
    /** The shop's import, created as waiting if it has none (a reinstall keeps a finished import). */
    async begin(shopId: number): Promise<HistoryImportRow> {
      await pool.query(
        `INSERT INTO history_import (shop_id, updated_at) VALUES ($1, now()) ON CONFLICT (shop_id) DO NOTHING`,
        [shopId],
      );
      const row = await this.find(shopId);
      if (!row) throw new Error("history import row missing after insert");
      return row;
    },
    async find(shopId: number): Promise<HistoryImportRow | null> {
      const result = await pool.query<HistoryImportRow>(`SELECT ${columns} FROM history_import WHERE shop_id = $1`, [
        shopId,
      ]);
      return result.rows[0] ?? null;
    },
    async unfinished(): Promise<number[]> {
      const result = await pool.query<{ shop_id: number }>(
        `SELECT shop_id FROM history_import WHERE status IN ('waiting', 'importing')`,
      );
      return result.rows.map((row) => row.shop_id);
    },
    async update(
      shopId: number,
      fields: Partial<Pick<HistoryImportRow, "bulkOperationId" | "status" | "objectCount" | "lastError">> & {
        finished?: boolean;
        restart?: boolean;
      },
    ): Promise<void> {
      await pool.query(updateSql, [
        shopId,
        fields.bulkOperationId ?? null,
        fields.status ?? null,
        fields.objectCount ?? null,
        fields.lastError ?? null,
        fields.restart ?? false,
        fields.finished ?? false,
      ]);
    },
    /** Upserts one batch and moves lines_done to `linesDone` atomically: a restart resumes after the last commit. */
    writeBatch: (shopId: number, batch: HistoryBatch, linesDone: number) => writeBatch(pool, shopId, batch, linesDone),
  };
}

export type HistoryImportRepository = ReturnType<typeof createHistoryImportRepository>;
