// Tiers: measures a customer's last 12 months, and records a crossing as a 0-point ledger entry plus a hook call.
import type { PgPool } from "../../db/create-pg-pool.js";
import { tierFor } from "./earning-rules.js";
import { withCustomerLock, type LedgerRepository, type Queryable } from "./ledger-repository.js";
import type { LoyaltySettingsInput } from "./loyalty-settings.js";

export interface TierChange {
  shopId: number;
  customerId: number;
  from: string | null;
  to: string | null;
  at: Date;
  /** The tier_change entry's idempotency key: one per crossing, so whatever follows a change can happen once. */
  entryKey: string;
}

/** Called after a change is committed; the emails part can send a "you reached Gold" message from here. */
export type TierChangeHook = (change: TierChange) => Promise<void>;

// Order points earned in the window: pending ones as earned, matured ones as matured, voided ones not at all,
// minus clawbacks; entries that predate the return window (available order entries that settle nothing) count too.
const pointsEarnedSql = `
SELECT (
  COALESCE((SELECT SUM(CASE WHEN s.status = 'void' THEN 0 WHEN s.status = 'available' THEN s.points ELSE e.points END)
            FROM ledger_entry e LEFT JOIN ledger_entry s ON s.settles_entry_id = e.id
            WHERE e.customer_id = $1 AND e.cause = 'order' AND e.status = 'pending' AND e.created_at > $2), 0)
  + COALESCE((SELECT SUM(points) FROM ledger_entry WHERE customer_id = $1 AND created_at > $2
              AND (cause = 'refund' OR (cause = 'order' AND status = 'available' AND settles_entry_id IS NULL))), 0)
)::text AS measure`;

const amountSpentSql = `
SELECT (
  COALESCE((SELECT SUM(o.subtotal_price) FROM "order" o
            WHERE o.customer_id = $1 AND o.paid_at > $2 AND o.cancelled_at IS NULL), 0)
  - COALESCE((SELECT SUM(r.subtotal) FROM loyalty_refund r
              JOIN "order" o ON o.shop_id = r.shop_id AND o.shopify_order_id = r.shopify_order_id
              WHERE o.customer_id = $1 AND o.paid_at > $2 AND o.cancelled_at IS NULL), 0)
)::numeric(14, 2)::text AS measure`;

function twelveMonthsBefore(now: Date): string {
  const start = new Date(now);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  // Columns hold UTC without a zone: compare with the UTC wall-clock time.
  return start.toISOString().replace("T", " ").replace("Z", "");
}

export async function tierMeasure(
  db: Queryable,
  customerId: number,
  basis: LoyaltySettingsInput["tierBasis"],
  now: Date,
): Promise<string> {
  const sql = basis === "points_earned" ? pointsEarnedSql : amountSpentSql;
  const result = await db.query<{ measure: string }>(sql, [customerId, twelveMonthsBefore(now)]);
  return result.rows[0]?.measure ?? "0";
}

/** The 0-point ledger entry (numbered per customer) and the customer's new tier, in the caller's transaction. */
async function recordCrossing(
  db: Queryable,
  ledger: LedgerRepository,
  change: Pick<TierChange, "shopId" | "customerId" | "from" | "to">,
  changesSoFar: number,
): Promise<string> {
  const entryKey = `tier:${change.customerId}:${changesSoFar + 1}`;
  await ledger.append(
    {
      shopId: change.shopId,
      customerId: change.customerId,
      points: 0,
      cause: "tier_change",
      idempotencyKey: entryKey,
      reason: `Tier ${change.from ?? "none"} → ${change.to ?? "none"}`,
      actor: "system",
    },
    db,
  );
  await db.query("UPDATE customer SET tier = $2, tier_changed_at = now(), updated_at = now() WHERE id = $1", [
    change.customerId,
    change.to,
  ]);
  return entryKey;
}

export function createTierService(deps: { pool: PgPool; ledger: LedgerRepository; onTierChanged: TierChangeHook }) {
  async function recalculateLocked(
    db: Queryable,
    shopId: number,
    customerId: number,
    settings: LoyaltySettingsInput,
    now: Date,
  ): Promise<TierChange | null> {
    const current = await db.query<{ tier: string | null; changes: number }>(
      `SELECT tier, (SELECT count(*)::int FROM ledger_entry WHERE customer_id = $1 AND cause = 'tier_change') AS changes
       FROM customer WHERE id = $1`,
      [customerId],
    );
    const row = current.rows[0];
    if (!row) return null;
    const reached = tierFor(await tierMeasure(db, customerId, settings.tierBasis, now), settings.tiers)?.name ?? null;
    if (reached === row.tier) return null;
    const entryKey = await recordCrossing(
      db,
      deps.ledger,
      { shopId, customerId, from: row.tier, to: reached },
      row.changes,
    );
    return { shopId, customerId, from: row.tier, to: reached, at: now, entryKey };
  }

  return {
    /** Moves the customer to the tier their last 12 months reach, if that differs; null when nothing changed. */
    async recalculate(
      shopId: number,
      customerId: number,
      settings: LoyaltySettingsInput,
      now: Date,
    ): Promise<TierChange | null> {
      const change = await withCustomerLock(deps.pool, customerId, (db) =>
        recalculateLocked(db, shopId, customerId, settings, now),
      );
      if (change) await deps.onTierChanged(change);
      return change;
    },
  };
}

export type TierService = ReturnType<typeof createTierService>;
