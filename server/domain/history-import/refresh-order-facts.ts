// After the import's deferred batches: every customer's first order and active stretches, recomputed once.
import type { PgPool } from "../../db/create-pg-pool.js";

/** Customers per statement when refreshing: each holds an advisory lock until its transaction ends. */
const refreshChunk = 1000;

/** Recomputes every customer's first order and active stretches for the shop (after a deferred bulk write). */
export async function refreshOrderFacts(pool: PgPool, shopId: number): Promise<void> {
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<{ last: number | null }>(
      `WITH chunk AS (SELECT id FROM customer WHERE shop_id = $1 AND id > $2 ORDER BY id LIMIT $3),
            refreshed AS (SELECT customer_order_facts_refresh(ARRAY(SELECT id FROM chunk)))
       SELECT (SELECT max(id) FROM chunk) AS last FROM refreshed`,
      [shopId, after, refreshChunk],
    );
    const last = rows[0]?.last ?? null;
    if (last === null) break;
    after = last;
  }
  // A bulk load leaves the planner's statistics behind; the dashboard's first queries should plan on the new rows.
  await pool.query(`ANALYZE "order", customer, customer_first_order, customer_active_span, loyalty_refund`);
}
