// Finds a shop's customer and locks their row: spends and removals of points on it queue up behind the lock.
import type { PgPool } from "../../db/create-pg-pool.js";
import type pg from "pg";
import type { CachedPoints, LedgerRepository } from "./ledger-repository.js";

/** Our id (admin) or Shopify's (storefront and checkout know only that one). */
export type CustomerRef = { id: number } | { shopifyCustomerId: bigint };

export interface LockedCustomer extends CachedPoints {
  customerId: number;
  shopifyCustomerId: bigint;
}

/**
 * Runs `work` under the ledger's customer lock with the points read after the lock was taken; undefined when
 * the customer is not the shop's (another shop's id behaves as if it did not exist).
 */
export async function withLockedCustomer<T>(
  pool: PgPool,
  ledger: LedgerRepository,
  shopId: number,
  customer: CustomerRef,
  work: (db: pg.PoolClient, locked: LockedCustomer) => Promise<T>,
): Promise<T | undefined> {
  const column = "id" in customer ? "id" : "shopify_customer_id";
  const value = "id" in customer ? customer.id : customer.shopifyCustomerId.toString();
  const found = await pool.query<{ id: number; shopify_customer_id: string }>(
    `SELECT id, shopify_customer_id::text FROM customer WHERE shop_id = $1 AND ${column} = $2`,
    [shopId, value],
  );
  const row = found.rows[0];
  if (!row) return undefined;
  return ledger.withCustomerLock(row.id, async (db) => {
    const points = await ledger.pointsOf(row.id, db);
    if (!points) throw new Error(`customer ${row.id} disappeared under its lock`);
    return work(db, { customerId: row.id, shopifyCustomerId: BigInt(row.shopify_customer_id), ...points });
  });
}

/** Whether taking `points` (negative) off `balance` is allowed: never below zero unless staff override. */
export function coversDebit(balance: number, points: number, allowNegative: boolean): boolean {
  return points >= 0 || allowNegative || balance + points >= 0;
}
