// Customers whose points sit unused: found by their last activity on the ledger, oldest first.
import type { PgPool } from "../../db/create-pg-pool.js";

export interface InactiveCustomer {
  id: number;
  balance: number;
  email: string | null;
  firstName: string | null;
  locale: string | null;
  /** The newest entry that counts as activity: it names the period, so each period expires once. */
  lastActivityId: string;
  lastActivityAt: Date;
}

// Expiry and tier changes are the program acting, not the customer: they do not reset the clock.
const lastActivity = `
  SELECT l.id, l.created_at FROM ledger_entry l
  WHERE l.customer_id = c.id AND l.cause NOT IN ('expiry', 'tier_change')
  ORDER BY l.created_at DESC, l.id DESC LIMIT 1`;

export function createInactivePointsRepository(pool: PgPool) {
  return {
    /** Customers with a positive balance whose last activity falls in [from, before), longest idle first. */
    async idleBetween(shopId: number, from: Date | null, before: Date, limit: number): Promise<InactiveCustomer[]> {
      const result = await pool.query<InactiveCustomer>(
        `SELECT c.id, c.points_balance AS balance, c.email, c.first_name AS "firstName", c.locale,
                last.id::text AS "lastActivityId", last.created_at AT TIME ZONE 'UTC' AS "lastActivityAt"
         FROM customer c CROSS JOIN LATERAL (${lastActivity}) last
         WHERE c.shop_id = $1 AND c.points_balance > 0
           AND last.created_at < ($2::timestamptz AT TIME ZONE 'UTC')
           AND ($3::timestamptz IS NULL OR last.created_at >= ($3::timestamptz AT TIME ZONE 'UTC'))
         ORDER BY last.created_at ASC, c.id ASC
         LIMIT $4`,
        [shopId, before.toISOString(), from?.toISOString() ?? null, limit],
      );
      return result.rows;
    },
  };
}

export type InactivePointsRepository = ReturnType<typeof createInactivePointsRepository>;
