// Which customers' storefront metafields are behind their points, and recording what Shopify now says.
import type { PgPool } from "../../db/create-pg-pool.js";

export interface StorefrontPoints {
  customerId: number;
  shopifyCustomerId: string;
  balance: number;
  tier: string | null;
}

export function createStorefrontPointsRepository(pool: PgPool) {
  return {
    /** Customers whose balance or tier differs from what was last written; never-written customers with nothing to show are skipped. */
    async behind(shopId: number, limit: number): Promise<StorefrontPoints[]> {
      const result = await pool.query<StorefrontPoints>(
        `SELECT c.id AS "customerId", c.shopify_customer_id::text AS "shopifyCustomerId",
                c.points_balance AS balance, c.tier
         FROM customer c LEFT JOIN customer_metafield_sync s ON s.customer_id = c.id
         WHERE c.shop_id = $1
           AND (CASE WHEN s.customer_id IS NULL THEN c.points_balance <> 0 OR c.tier IS NOT NULL
                     ELSE s.balance <> c.points_balance OR s.tier IS DISTINCT FROM c.tier END)
         ORDER BY c.id LIMIT $2`,
        [shopId, limit],
      );
      return result.rows;
    },

    async markWritten(shopId: number, rows: StorefrontPoints[]): Promise<void> {
      if (rows.length === 0) return;
      await pool.query(
        `INSERT INTO customer_metafield_sync (customer_id, shop_id, balance, tier, synced_at)
         SELECT id, $1, balance, tier, now() AT TIME ZONE 'UTC'
         FROM unnest($2::int[], $3::int[], $4::text[]) AS t(id, balance, tier)
         ON CONFLICT (customer_id) DO UPDATE SET balance = EXCLUDED.balance, tier = EXCLUDED.tier,
           synced_at = EXCLUDED.synced_at`,
        [shopId, rows.map((row) => row.customerId), rows.map((row) => row.balance), rows.map((row) => row.tier)],
      );
    },
  };
}

export type StorefrontPointsRepository = ReturnType<typeof createStorefrontPointsRepository>;
