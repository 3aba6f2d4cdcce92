// Which customers' storefront metafields are behind their points, and recording what Shopify now says.
import type pg from "pg";
import type { PgPool } from "../../db/create-pg-pool.js";

export interface StorefrontPoints {
  customerId: number;
  shopifyCustomerId: string;
  balance: number;
  tier: string | null;
}

// Advisory lock space for "one storefront sync per shop at a time" (the shop id is the second key).
const syncLockSpace = 7_301;

/** The sync's reads and writes, on the pool or on the one connection a locked sync already holds. */
function createStorefrontPointsQueries(db: PgPool | pg.PoolClient) {
  return {
    /** Customers whose balance or tier differs from what was last written; never-written customers with nothing to show are skipped. */
    async behind(shopId: number, limit: number): Promise<StorefrontPoints[]> {
      const result = await db.query<StorefrontPoints>(
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
      await db.query(
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

export type StorefrontPointsQueries = ReturnType<typeof createStorefrontPointsQueries>;

export function createStorefrontPointsRepository(pool: PgPool) {
  return {
    ...createStorefrontPointsQueries(pool),
    /**
     * Runs `sync` while no other worker syncs this shop, or returns null at once if one does: two syncs at once would
     * read the same customers as behind and write them twice. The sync's queries use the connection holding the
     * lock, so a sync occupies one connection, not two.
     */
    async exclusively<T>(shopId: number, sync: (queries: StorefrontPointsQueries) => Promise<T>): Promise<T | null> {
      const client = await pool.connect();
      try {
        const lock = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
          syncLockSpace,
          shopId,
        ]);
        if (!lock.rows[0]?.locked) return null;
        try {
          return await sync(createStorefrontPointsQueries(client));
        } finally {
          await client.query("SELECT pg_advisory_unlock($1, $2)", [syncLockSpace, shopId]);
        }
      } finally {
        client.release();
      }
    },
  };
}

export type StorefrontPointsRepository = ReturnType<typeof createStorefrontPointsRepository>;
