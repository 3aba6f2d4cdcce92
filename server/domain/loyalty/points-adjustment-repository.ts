// Staff adjustments: add or remove points with a reason and the staff member on the entry, once per request key.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { LedgerHistoryRow } from "../customers/customer-admin-repository.js";
import type { LedgerRepository, Queryable } from "./ledger-repository.js";
import { coversDebit, withLockedCustomer } from "./lock-points-balance.js";

export interface AdjustmentRequest {
  shopId: number;
  customerId: number;
  points: number;
  reason: string;
  /** The staff member (session token `sub`) who made it. */
  actor: string;
  allowNegative: boolean;
  /** From the Idempotency-Key header: a double-click or a retried request adjusts once. */
  requestKey: string;
}

export type AdjustmentOutcome =
  | { kind: "applied"; entry: LedgerHistoryRow; balance: number }
  | { kind: "replayed"; entry: LedgerHistoryRow; balance: number }
  | { kind: "not_found" }
  | { kind: "negative_balance"; balance: number };

export function adjustmentKey(customerId: number, requestKey: string): string {
  return `adjustment:${customerId}:${requestKey}`;
}

async function entryByKey(db: Queryable, shopId: number, key: string): Promise<LedgerHistoryRow | undefined> {
  const result = await db.query<LedgerHistoryRow>(
    `SELECT id::text AS id, points, cause::text AS cause, status::text AS status, reason, actor,
            created_at AT TIME ZONE 'UTC' AS "createdAt", NULL AS "shopifyOrderId", NULL AS "orderName"
     FROM ledger_entry WHERE shop_id = $1 AND idempotency_key = $2`,
    [shopId, key],
  );
  return result.rows[0];
}

export function createPointsAdjustmentRepository(pool: PgPool, ledger: LedgerRepository) {
  return {
    /** Under the customer's row lock: the balance check and the entry cannot be split by a concurrent spend. */
    async adjust(request: AdjustmentRequest): Promise<AdjustmentOutcome> {
      const outcome = await withLockedCustomer(
        pool,
        ledger,
        request.shopId,
        { id: request.customerId },
        async (db, locked): Promise<AdjustmentOutcome> => {
          const key = adjustmentKey(request.customerId, request.requestKey);
          const earlier = await entryByKey(db, request.shopId, key);
          if (earlier) return { kind: "replayed", entry: earlier, balance: locked.balance };
          if (!coversDebit(locked.balance, request.points, request.allowNegative)) {
            return { kind: "negative_balance", balance: locked.balance };
          }
          const appended = await ledger.append(
            {
              shopId: request.shopId,
              customerId: request.customerId,
              points: request.points,
              cause: "adjustment",
              idempotencyKey: key,
              reason: request.reason,
              actor: request.actor,
            },
            db,
          );
          const entry = await entryByKey(db, request.shopId, key);
          if (!appended.applied || !entry) throw new Error(`adjustment ${key} was not recorded`);
          return { kind: "applied", entry, balance: appended.balance };
        },
      );
      return outcome ?? { kind: "not_found" };
    },
  };
}

export type PointsAdjustmentRepository = ReturnType<typeof createPointsAdjustmentRepository>;
