// Email marketing consent per (shop, address): Shopify's reports and our unsubscribes, the newest change winning.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { ConsentReport } from "./consent-report.js";

export interface ConsentRow {
  id: number;
  shopId: number;
  email: string;
  state: string;
}

/**
 * A report replaces the stored state only when it is newer: a webhook retried days later, or an order payload
 * carrying the consent as it was at checkout, never re-subscribes someone who unsubscribed since.
 */
const recordSql = `
INSERT INTO email_consent (shop_id, email, shopify_customer_id, state, state_changed_at, updated_at)
VALUES ($1, $2, $3, $4, ($5::timestamptz AT TIME ZONE 'UTC'), now())
ON CONFLICT (shop_id, email) DO UPDATE SET
  shopify_customer_id = COALESCE(EXCLUDED.shopify_customer_id, email_consent.shopify_customer_id),
  state = EXCLUDED.state,
  state_changed_at = EXCLUDED.state_changed_at,
  updated_at = now()
WHERE email_consent.state_changed_at IS NULL
   OR EXCLUDED.state_changed_at > email_consent.state_changed_at`;

const unsubscribeSql = `
UPDATE email_consent
SET state = 'unsubscribed', state_changed_at = ($2::timestamptz AT TIME ZONE 'UTC'),
    unsubscribed_at = ($2::timestamptz AT TIME ZONE 'UTC'), updated_at = now()
WHERE id = $1 AND state <> 'unsubscribed'`;

const selectColumns = `id, shop_id AS "shopId", email, state`;

export function createEmailConsentRepository(pool: PgPool) {
  return {
    async record(shopId: number, report: ConsentReport): Promise<void> {
      await pool.query(recordSql, [
        shopId,
        report.email,
        report.shopifyCustomerId?.toString() ?? null,
        report.state,
        report.changedAt?.toISOString() ?? null,
      ]);
    },
    async find(shopId: number, email: string): Promise<ConsentRow | null> {
      const result = await pool.query<ConsentRow>(
        `SELECT ${selectColumns} FROM email_consent WHERE shop_id = $1 AND email = $2`,
        [shopId, email.trim().toLowerCase()],
      );
      return result.rows[0] ?? null;
    },
    async findById(id: number): Promise<ConsentRow | null> {
      const result = await pool.query<ConsentRow>(`SELECT ${selectColumns} FROM email_consent WHERE id = $1`, [id]);
      return result.rows[0] ?? null;
    },
    /** Idempotent: unsubscribing twice keeps the first time. True when this call changed the state. */
    async unsubscribe(id: number, at: Date): Promise<boolean> {
      const result = await pool.query(unsubscribeSql, [id, at.toISOString()]);
      return result.rowCount === 1;
    },
  };
}

export type EmailConsentRepository = ReturnType<typeof createEmailConsentRepository>;
