// The daily loyalty run: maturities whose job was lost, birthdays, and tiers that time alone moved.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { CustomerRewardsService } from "./customer-rewards-service.js";
import type { OrderPointsService } from "./order-points-service.js";

export interface DailyLoyaltyResult {
  matured: number;
  birthdays: number;
  tierChanges: number;
}

export async function runDailyLoyalty(
  deps: { pool: PgPool; orderPoints: OrderPointsService; rewards: CustomerRewardsService },
  now: Date,
): Promise<DailyLoyaltyResult> {
  const matured = await deps.orderPoints.matureDue(now, now);
  const shops = await deps.pool.query<{ id: number; iana_timezone: string | null }>(
    "SELECT id, iana_timezone FROM shop WHERE status = 'installed' ORDER BY id",
  );
  let birthdays = 0;
  let tierChanges = 0;
  for (const shop of shops.rows) {
    birthdays += await deps.rewards.awardBirthdays({ id: shop.id, ianaTimezone: shop.iana_timezone }, now);
    // Only customers with a tier or activity in the last 13 months can cross a line because a day passed.
    const customers = await deps.pool.query<{ id: number }>(
      `SELECT c.id FROM customer c WHERE c.shop_id = $1 AND (c.tier IS NOT NULL OR EXISTS (
         SELECT 1 FROM ledger_entry l WHERE l.customer_id = c.id AND l.created_at > now() - interval '13 months'))`,
      [shop.id],
    );
    for (const customer of customers.rows) {
      const changed = await deps.orderPoints.recalculateTier(shop.id, customer.id, now);
      tierChanges += changed.length;
    }
  }
  return { matured, birthdays, tierChanges };
}
