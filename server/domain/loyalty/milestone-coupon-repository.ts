// Milestone coupons in PostgreSQL: recorded once per customer and milestone with the earn, then issued by a job.
import type { PgPool } from "../../db/create-pg-pool.js";
import { generateCouponCode } from "../coupons/generate-coupon-code.js";
import type { Queryable } from "./ledger-repository.js";
import type { LoyaltySettingsInput } from "./loyalty-settings.js";

export interface MilestoneCouponRow {
  id: number;
  shopId: number;
  shopDomain: string;
  customerId: number;
  shopifyCustomerId: bigint;
  milestone: number;
  code: string;
  status: "pending" | "issued" | "failed";
  kind: "percentage" | "fixed_amount" | "free_shipping";
  value: string;
  currencyCode: string;
  startsAt: Date;
  endsAt: Date;
  email: string | null;
  locale: string | null;
  firstName: string | null;
}

const dayMs = 24 * 3600 * 1000;

/**
 * In the earn's transaction: the unique (shop, customer, milestone) makes a replayed order or a second worker find
 * the row taken, so the milestone gives one code. Returns the new row's id, or null when it already existed.
 */
export async function recordMilestoneCoupon(
  db: Queryable,
  input: {
    shopId: number;
    customerId: number;
    shopifyCustomerId: bigint;
    milestone: number;
    shopifyOrderId: bigint;
    currencyCode: string;
    now: Date;
  },
  settings: Pick<LoyaltySettingsInput, "milestoneCouponKind" | "milestoneCouponValue" | "milestoneCouponValidityDays">,
): Promise<number | null> {
  const endsAt = new Date(input.now.getTime() + settings.milestoneCouponValidityDays * dayMs);
  const value = settings.milestoneCouponKind === "free_shipping" ? "0" : settings.milestoneCouponValue;
  const result = await db.query<{ id: number }>(
    `INSERT INTO milestone_coupon (shop_id, customer_id, shopify_customer_id, milestone, shopify_order_id, code, kind,
                                   value, currency_code, starts_at, ends_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::"CouponKind", $8::numeric, $9, ($10::timestamptz AT TIME ZONE 'UTC'),
             ($11::timestamptz AT TIME ZONE 'UTC'), now() AT TIME ZONE 'UTC')
     ON CONFLICT (shop_id, customer_id, milestone) DO NOTHING RETURNING id`,
    [
      input.shopId,
      input.customerId,
      input.shopifyCustomerId.toString(),
      input.milestone,
      input.shopifyOrderId.toString(),
      generateCouponCode("MILESTONE"),
      settings.milestoneCouponKind,
      value,
      input.currencyCode,
      input.now.toISOString(),
      endsAt.toISOString(),
    ],
  );
  return result.rows[0]?.id ?? null;
}

export function createMilestoneCouponRepository(pool: PgPool) {
  return {
    async findForIssue(id: number): Promise<MilestoneCouponRow | null> {
      const result = await pool.query<Omit<MilestoneCouponRow, "shopifyCustomerId"> & { shopifyCustomerId: string }>(
        `SELECT m.id, m.shop_id AS "shopId", s.domain AS "shopDomain", m.customer_id AS "customerId",
                m.shopify_customer_id::text AS "shopifyCustomerId", m.milestone, m.code, m.status, m.kind::text AS kind,
                m.value::text AS value, m.currency_code AS "currencyCode", m.starts_at AT TIME ZONE 'UTC' AS "startsAt",
                m.ends_at AT TIME ZONE 'UTC' AS "endsAt", c.email, c.locale, c.first_name AS "firstName"
         FROM milestone_coupon m JOIN shop s ON s.id = m.shop_id JOIN customer c ON c.id = m.customer_id
         WHERE m.id = $1`,
        [id],
      );
      const row = result.rows[0];
      return row ? { ...row, shopifyCustomerId: BigInt(row.shopifyCustomerId) } : null;
    },
    async markIssued(id: number, discountId: string): Promise<void> {
      await pool.query(
        `UPDATE milestone_coupon SET status = 'issued', shopify_discount_id = $2, last_error = NULL,
                updated_at = now() AT TIME ZONE 'UTC' WHERE id = $1 AND status = 'pending'`,
        [id, discountId],
      );
    },
    async markFailed(id: number, error: string): Promise<void> {
      await pool.query(
        `UPDATE milestone_coupon SET status = 'failed', last_error = $2, updated_at = now() AT TIME ZONE 'UTC'
         WHERE id = $1 AND status = 'pending'`,
        [id, error],
      );
    },
    /** Pending rows older than a minute: their job was lost (a crash between the earn's commit and the enqueue). */
    async stalePending(limit = 500): Promise<number[]> {
      const result = await pool.query<{ id: number }>(
        `SELECT id FROM milestone_coupon WHERE status = 'pending'
           AND created_at < (now() AT TIME ZONE 'UTC') - interval '1 minute' ORDER BY id LIMIT $1`,
        [limit],
      );
      return result.rows.map((row) => row.id);
    },
  };
}

export type MilestoneCouponRepository = ReturnType<typeof createMilestoneCouponRepository>;
