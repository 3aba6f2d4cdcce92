// The append-only points ledger: one entry per effect (idempotency key), balance moved in the same statement.
import type { LedgerCause } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";

export interface NewLedgerEntry {
  shopId: number;
  customerId: number;
  points: number;
  cause: LedgerCause;
  idempotencyKey: string;
  shopifyOrderId?: bigint | null;
  reason?: string | null;
  actor?: string | null;
}

export type AppendResult = { applied: true; balance: number } | { applied: false };

/**
 * Inserts the entry unless its key exists, and moves the cached balance only when it did:
 * two workers racing on one order produce one entry and one balance change.
 */
const appendSql = `
WITH inserted AS (
  INSERT INTO ledger_entry (shop_id, customer_id, points, cause, idempotency_key, shopify_order_id, reason, actor)
  VALUES ($1, $2, $3, $4::"LedgerCause", $5, $6, $7, $8)
  ON CONFLICT (shop_id, idempotency_key) DO NOTHING
  RETURNING customer_id, points
)
UPDATE customer SET points_balance = customer.points_balance + inserted.points, updated_at = now()
FROM inserted WHERE customer.id = inserted.customer_id
RETURNING customer.points_balance`;

export function createLedgerRepository(pool: PgPool) {
  return {
    async append(entry: NewLedgerEntry): Promise<AppendResult> {
      const result = await pool.query<{ points_balance: number }>(appendSql, [
        entry.shopId,
        entry.customerId,
        entry.points,
        entry.cause,
        entry.idempotencyKey,
        entry.shopifyOrderId?.toString() ?? null,
        entry.reason ?? null,
        entry.actor ?? null,
      ]);
      const row = result.rows[0];
      return row ? { applied: true, balance: row.points_balance } : { applied: false };
    },

    /** Customers whose cached balance differs from the sum of their entries (should always be empty). */
    async balanceMismatches(shopId: number) {
      const result = await pool.query<{ customer_id: number; cached: number; summed: number }>(
        `SELECT c.id AS customer_id, c.points_balance AS cached, COALESCE(SUM(l.points), 0)::int AS summed
         FROM customer c LEFT JOIN ledger_entry l ON l.customer_id = c.id
         WHERE c.shop_id = $1
         GROUP BY c.id HAVING c.points_balance <> COALESCE(SUM(l.points), 0)`,
        [shopId],
      );
      return result.rows;
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
