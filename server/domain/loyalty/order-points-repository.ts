// SQL for an order's points: its pending entries and how they were settled, its refunds, and what is due.
import type { LedgerCause } from "@prisma/client";
import type { Queryable } from "./ledger-repository.js";

export interface OrderPendingEntry {
  id: bigint;
  customerId: number;
  points: number;
  cause: LedgerCause;
  idempotencyKey: string;
  availableAt: Date | null;
  /** How it was settled: matured (available, with the points it matured at), voided, or not yet. */
  settled: { status: "available" | "void"; points: number } | null;
}

export interface OrderFacts {
  customerId: number | null;
  subtotal: string;
  cancelled: boolean;
}

const pendingSql = `
SELECT e.id::text, e.customer_id, e.points, e.cause, e.idempotency_key, e.available_at AT TIME ZONE 'UTC' AS available_at,
       s.status AS settled_status, s.points AS settled_points
FROM ledger_entry e LEFT JOIN ledger_entry s ON s.settles_entry_id = e.id
WHERE e.shop_id = $1 AND e.shopify_order_id = $2 AND e.status = 'pending'
ORDER BY e.id`;

interface PendingRow {
  id: string;
  customer_id: number;
  points: number;
  cause: LedgerCause;
  idempotency_key: string;
  available_at: Date | null;
  settled_status: "available" | "void" | null;
  settled_points: number | null;
}

async function pendingEntries(shopId: number, shopifyOrderId: bigint, on: Queryable): Promise<OrderPendingEntry[]> {
  const result = await on.query<PendingRow>(pendingSql, [shopId, shopifyOrderId.toString()]);
  return result.rows.map((row) => ({
    id: BigInt(row.id),
    customerId: row.customer_id,
    points: row.points,
    cause: row.cause,
    idempotencyKey: row.idempotency_key,
    availableAt: row.available_at,
    settled: row.settled_status ? { status: row.settled_status, points: row.settled_points ?? 0 } : null,
  }));
}

async function orderFacts(shopId: number, shopifyOrderId: bigint, on: Queryable): Promise<OrderFacts | null> {
  const result = await on.query<{ customer_id: number | null; subtotal: string; cancelled: boolean }>(
    `SELECT customer_id, subtotal_price::text AS subtotal, cancelled_at IS NOT NULL AS cancelled
     FROM "order" WHERE shop_id = $1 AND shopify_order_id = $2`,
    [shopId, shopifyOrderId.toString()],
  );
  const row = result.rows[0];
  return row ? { customerId: row.customer_id, subtotal: row.subtotal, cancelled: row.cancelled } : null;
}

/** Total refunded subtotal of the order, and the newest refund's id (the key for a clawback it causes). */
async function refunds(shopId: number, shopifyOrderId: bigint, on: Queryable) {
  const result = await on.query<{ total: string; latest: string | null }>(
    `SELECT COALESCE(SUM(subtotal), 0)::text AS total,
            (SELECT shopify_refund_id::text FROM loyalty_refund r2 WHERE r2.shop_id = $1 AND r2.shopify_order_id = $2
             ORDER BY r2.id DESC LIMIT 1) AS latest
     FROM loyalty_refund WHERE shop_id = $1 AND shopify_order_id = $2`,
    [shopId, shopifyOrderId.toString()],
  );
  return { total: result.rows[0]?.total ?? "0", latestRefundId: result.rows[0]?.latest ?? null };
}

/** Points already taken back from the order by refund entries (a positive number). */
async function clawedBack(shopId: number, shopifyOrderId: bigint, on: Queryable): Promise<number> {
  const result = await on.query<{ taken: number }>(
    `SELECT COALESCE(-SUM(points), 0)::int AS taken FROM ledger_entry
     WHERE shop_id = $1 AND shopify_order_id = $2 AND cause = 'refund'`,
    [shopId, shopifyOrderId.toString()],
  );
  return result.rows[0]?.taken ?? 0;
}

/** Records a refund once by its Shopify id; false when it was already recorded. */
async function recordRefund(
  refund: { shopId: number; refundId: number; orderId: number; subtotal: string; refundedAt: Date },
  on: Queryable,
): Promise<boolean> {
  const result = await on.query(
    `INSERT INTO loyalty_refund (shop_id, shopify_refund_id, shopify_order_id, subtotal, refunded_at)
     VALUES ($1, $2, $3, $4::numeric, ($5::timestamptz AT TIME ZONE 'UTC'))
     ON CONFLICT (shop_id, shopify_refund_id) DO NOTHING`,
    [refund.shopId, refund.refundId, refund.orderId, refund.subtotal, refund.refundedAt.toISOString()],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Paid orders of the customer that earned points and were not voided, other than this one. */
async function earningOrderCount(customerId: number, exceptOrderId: bigint, on: Queryable): Promise<number> {
  const result = await on.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ledger_entry e
     WHERE e.customer_id = $1 AND e.cause = 'order' AND e.status = 'pending' AND e.shopify_order_id <> $2
       AND NOT EXISTS (SELECT 1 FROM ledger_entry s WHERE s.settles_entry_id = e.id AND s.status = 'void')`,
    [customerId, exceptOrderId.toString()],
  );
  return result.rows[0]?.n ?? 0;
}

/** Orders with a pending entry whose return window ended before `dueBy` and that nothing settled yet. */
async function dueOrders(dueBy: Date, limit = 500, on: Queryable) {
  const result = await on.query<{ shop_id: number; order_id: string }>(
    `SELECT DISTINCT e.shop_id, e.shopify_order_id::text AS order_id FROM ledger_entry e
     WHERE e.status = 'pending' AND e.available_at <= ($1::timestamptz AT TIME ZONE 'UTC')
       AND e.shopify_order_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ledger_entry s WHERE s.settles_entry_id = e.id)
     LIMIT $2`,
    [dueBy.toISOString(), limit],
  );
  return result.rows.map((row) => ({ shopId: row.shop_id, shopifyOrderId: BigInt(row.order_id) }));
}

/** The order-points SQL, each function run on a pool or a transaction's client. */
export const orderPointsRepository = {
  pendingEntries,
  orderFacts,
  refunds,
  clawedBack,
  recordRefund,
  earningOrderCount,
  dueOrders,
};

export type OrderPointsRepository = typeof orderPointsRepository;
