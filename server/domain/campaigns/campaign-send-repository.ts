// Campaign sends: one row per customer and period, claimed before anything is made, finished once its email is queued.
import type { PgPool } from "../../db/create-pg-pool.js";

export interface CampaignSendRow {
  id: number;
  campaign: string;
  customerId: number;
  periodKey: string;
  code: string | null;
  codeStatus: string | null;
  codeEndsAt: Date | null;
  points: number | null;
  emailId: number | null;
}

const columns = `id, campaign, customer_id AS "customerId", period_key AS "periodKey", code, code_status AS "codeStatus",
  code_ends_at AS "codeEndsAt", points, email_id AS "emailId"`;

export interface NewCampaignSend {
  shopId: number;
  campaign: string;
  customerId: number;
  periodKey: string;
  code: string | null;
  codeEndsAt: Date | null;
  points: number | null;
}

export function createCampaignSendRepository(pool: PgPool) {
  return {
    /** The row for this period: made now, or the one an earlier (maybe interrupted) run made. */
    async claim(send: NewCampaignSend): Promise<CampaignSendRow> {
      const inserted = await pool.query<CampaignSendRow>(
        `INSERT INTO campaign_send (shop_id, campaign, customer_id, period_key, code, code_status, code_ends_at, points,
                                    updated_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE 'pending' END,
                 ($6::timestamptz AT TIME ZONE 'UTC'), $7, now())
         ON CONFLICT (shop_id, period_key) DO NOTHING RETURNING ${columns}`,
        [
          send.shopId,
          send.campaign,
          send.customerId,
          send.periodKey,
          send.code,
          send.codeEndsAt?.toISOString(),
          send.points,
        ],
      );
      if (inserted.rows[0]) return inserted.rows[0];
      const existing = await pool.query<CampaignSendRow>(
        `SELECT ${columns} FROM campaign_send WHERE shop_id = $1 AND period_key = $2`,
        [send.shopId, send.periodKey],
      );
      const row = existing.rows[0];
      if (!row) throw new Error(`campaign send ${send.periodKey} vanished`);
      return row;
    },
    async markCode(id: number, status: "issued" | "failed", discountId: string | null, error: string | null) {
      await pool.query(
        `UPDATE campaign_send SET code_status = $2, discount_id = $3, last_error = $4, updated_at = now() WHERE id = $1`,
        [id, status, discountId, error],
      );
    },
    async markEmailed(id: number, emailId: number) {
      await pool.query(`UPDATE campaign_send SET email_id = $2, updated_at = now() WHERE id = $1`, [id, emailId]);
    },
    /** The first order using a campaign code redeems it, with that order's subtotal as its revenue. */
    async redeem(shopId: number, code: string, orderId: bigint, revenue: string, at: Date): Promise<boolean> {
      const result = await pool.query(
        `UPDATE campaign_send SET redeemed_order_id = $3, redeemed_revenue = $4::numeric,
                redeemed_at = ($5::timestamptz AT TIME ZONE 'UTC'), updated_at = now()
         WHERE shop_id = $1 AND code = $2 AND redeemed_order_id IS NULL`,
        [shopId, code, orderId.toString(), revenue, at.toISOString()],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type CampaignSendRepository = ReturnType<typeof createCampaignSendRepository>;
