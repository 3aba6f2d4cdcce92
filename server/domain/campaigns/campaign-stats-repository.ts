// Per campaign sends, redemptions and revenue, summed in PostgreSQL from the sends and the outbox.
import type { PgPool } from "../../db/create-pg-pool.js";

export interface CampaignStatsRow {
  campaign: string;
  sends: number;
  redemptions: number;
  revenue: string;
}

export function createCampaignStatsRepository(pool: PgPool) {
  return {
    /** Sends are rows whose email went out; redemptions and revenue count the campaign's codes used on orders. */
    async stats(shopId: number): Promise<CampaignStatsRow[]> {
      const result = await pool.query<CampaignStatsRow>(
        `SELECT s.campaign, count(*) FILTER (WHERE e.status = 'sent')::int AS sends,
                count(*) FILTER (WHERE s.redeemed_order_id IS NOT NULL)::int AS redemptions,
                COALESCE(sum(s.redeemed_revenue), 0)::numeric(14, 2)::text AS revenue
         FROM campaign_send s LEFT JOIN email_outbox e ON e.id = s.email_id
         WHERE s.shop_id = $1 GROUP BY s.campaign`,
        [shopId],
      );
      return result.rows;
    },
  };
}

export type CampaignStatsRepository = ReturnType<typeof createCampaignStatsRepository>;
