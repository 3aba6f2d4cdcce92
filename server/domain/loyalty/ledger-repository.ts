// The append-only points ledger: one entry per effect (idempotency key), cached sums moved in the same statement.
import type { LedgerCause, LedgerStatus } from "@prisma/client";
import type pg from "pg";
import type { PgPool } from "../../db/create-pg-pool.js";

/** A pool or a client inside a transaction: appends run on either. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export interface NewLedgerEntry {
  shopId: number;
  customerId: number;
  /** Positive earns, negative takes away; 0 for a record-only entry (tier change). */
  points: number;
  cause: LedgerCause;
  /** Unique per shop: the same key twice moves points once, e.g. "order:123:earn", "refund:456:clawback". */
  idempotencyKey: string;
  /**
   * available (default): moves the balance. pending: moves the pending sum until settled.
   * void: settles a pending entry without moving the balance (cancelled before its return window ended).
   */
  status?: LedgerStatus;
  /** The pending entry this one settles (a maturing available entry or a void one); each is settled once. */
  settlesEntryId?: bigint | null;
  /** For pending entries: when the return window ends. */
  availableAt?: Date | null;
  shopifyOrderId?: bigint | null;
  reason?: string | null;
  /** Who caused it: a staff member's subject for adjustments, "system" or null for automatic entries. */
  actor?: string | null;
}

export type AppendResult = { applied: true; balance: number; pending: number } | { applied: false };

export interface CachedPoints {
  balance: number;
  pending: number;
}

/**
 * Inserts the entry unless its key (or the pending entry it settles) is already taken, and moves the cached sums
 * only when it did: two workers racing on one effect produce one entry and one change. A settling entry takes
 * the whole settled amount off the pending sum; what it adds to the balance is its own points.
 */
const appendSql = `
WITH inserted AS (
  INSERT INTO ledger_entry (shop_id, customer_id, points, cause, status, idempotency_key, settles_entry_id,
                            available_at, shopify_order_id, reason, actor)
  VALUES ($1, $2, $3, $4::"LedgerCause", $5::"LedgerStatus", $6, $7, ($8::timestamptz AT TIME ZONE 'UTC'), $9, $10, $11)
  ON CONFLICT DO NOTHING
  RETURNING customer_id, points, status, settles_entry_id
)
UPDATE customer SET
  points_balance = customer.points_balance + CASE WHEN inserted.status = 'available' THEN inserted.points ELSE 0 END,
  pending_points = customer.pending_points + CASE WHEN inserted.status = 'pending' THEN inserted.points ELSE 0 END
    - COALESCE((SELECT settled.points FROM ledger_entry settled WHERE settled.id = inserted.settles_entry_id), 0),
  updated_at = now()
FROM inserted WHERE customer.id = inserted.customer_id
RETURNING customer.points_balance, customer.pending_points`;

/** Per customer: the cached sums against the sums of the entries (available ones; pending ones not yet settled). */
const mismatchSql = `
SELECT c.id AS customer_id, c.shop_id, c.points_balance AS cached_balance, c.pending_points AS cached_pending,
       COALESCE(e.available, 0)::int AS summed_balance, COALESCE(e.pending, 0)::int AS summed_pending
FROM customer c
LEFT JOIN (
  SELECT l.customer_id,
         SUM(l.points) FILTER (WHERE l.status = 'available') AS available,
         SUM(l.points) FILTER (WHERE l.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM ledger_entry s WHERE s.settles_entry_id = l.id)) AS pending
  FROM ledger_entry l GROUP BY l.customer_id
) e ON e.customer_id = c.id
WHERE ($1::int IS NULL OR c.shop_id = $1)
  AND (c.points_balance <> COALESCE(e.available, 0) OR c.pending_points <> COALESCE(e.pending, 0))
ORDER BY c.id`;

/**
 * Per order: what its own earn entry matured at against what refunds took back afterwards. A clawback may take at
 * most what matured (nothing when the points were voided or are still pending); maturity never exceeds the earn.
 */
const clawbackExcessSql = `
SELECT e.shop_id, e.customer_id, e.shopify_order_id::text AS shopify_order_id, e.points AS earned,
       COALESCE(m.points, 0)::int AS matured, COALESCE(r.clawed, 0)::int AS clawed_back
FROM ledger_entry e
LEFT JOIN ledger_entry m ON m.settles_entry_id = e.id AND m.status = 'available'
LEFT JOIN (
  SELECT shop_id, shopify_order_id, -SUM(points) AS clawed FROM ledger_entry WHERE cause = 'refund'
  GROUP BY shop_id, shopify_order_id
) r ON r.shop_id = e.shop_id AND r.shopify_order_id = e.shopify_order_id
WHERE e.cause = 'order' AND e.status = 'pending' AND ($1::int IS NULL OR e.shop_id = $1)
  AND (COALESCE(r.clawed, 0) > COALESCE(m.points, 0) OR COALESCE(m.points, 0) > e.points OR COALESCE(m.points, 0) < 0)
ORDER BY e.id`;

export interface ClawbackExcess {
  shop_id: number;
  customer_id: number;
  shopify_order_id: string;
  earned: number;
  matured: number;
  clawed_back: number;
}

export interface BalanceMismatch {
  customer_id: number;
  shop_id: number;
  cached_balance: number;
  cached_pending: number;
  summed_balance: number;
  summed_pending: number;
}

/**
 * Runs `work` in a transaction holding the customer's row lock: read-decide-append sequences (a redemption
 * checking the balance, a clawback summing what was taken) cannot interleave for one customer.
 */
export async function withCustomerLock<T>(
  pool: PgPool,
  customerId: number,
  work: (db: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT 1 FROM customer WHERE id = $1 FOR UPDATE", [customerId]);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function createLedgerRepository(pool: PgPool) {
  return {
    /** Appends once per idempotency key; pass a transaction's client to append inside it. */
    async append(entry: NewLedgerEntry, db: Queryable = pool): Promise<AppendResult> {
      const result = await db.query<{ points_balance: number; pending_points: number }>(appendSql, [
        entry.shopId,
        entry.customerId,
        entry.points,
        entry.cause,
        entry.status ?? "available",
        entry.idempotencyKey,
        entry.settlesEntryId?.toString() ?? null,
        entry.availableAt?.toISOString() ?? null,
        entry.shopifyOrderId?.toString() ?? null,
        entry.reason ?? null,
        entry.actor ?? null,
      ]);
      const row = result.rows[0];
      return row ? { applied: true, balance: row.points_balance, pending: row.pending_points } : { applied: false };
    },

    /** The cached available balance and pending sum (null when there is no such customer). */
    async pointsOf(customerId: number, db: Queryable = pool): Promise<CachedPoints | null> {
      const result = await db.query<{ points_balance: number; pending_points: number }>(
        "SELECT points_balance, pending_points FROM customer WHERE id = $1",
        [customerId],
      );
      const row = result.rows[0];
      return row ? { balance: row.points_balance, pending: row.pending_points } : null;
    },

    async balanceOf(customerId: number, db: Queryable = pool): Promise<number> {
      return (await this.pointsOf(customerId, db))?.balance ?? 0;
    },

    async pendingOf(customerId: number, db: Queryable = pool): Promise<number> {
      return (await this.pointsOf(customerId, db))?.pending ?? 0;
    },

    withCustomerLock: <T>(customerId: number, work: (db: pg.PoolClient) => Promise<T>) =>
      withCustomerLock(pool, customerId, work),

    /** Customers whose cached sums differ from their entries (always empty unless something is broken). */
    async balanceMismatches(shopId: number | null = null): Promise<BalanceMismatch[]> {
      return (await pool.query<BalanceMismatch>(mismatchSql, [shopId])).rows;
    },

    /** Orders whose refunds took back more than their points matured at (always empty unless something is broken). */
    async clawbackExcesses(shopId: number | null = null): Promise<ClawbackExcess[]> {
      return (await pool.query<ClawbackExcess>(clawbackExcessSql, [shopId])).rows;
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
