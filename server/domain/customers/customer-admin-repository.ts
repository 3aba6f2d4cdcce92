// Customers as the admin sees them: search by name or email, one customer with every ledger entry (times read as UTC).
import type { PgPool } from "../../db/create-pg-pool.js";
import { containsPattern } from "./customer-list-cursor.js";

export interface CustomerSummaryRow {
  id: number;
  shopifyCustomerId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  balance: number;
  pending: number;
  tier: string | null;
  birthday: string | null;
}

export interface LedgerHistoryRow {
  id: string;
  points: number;
  cause: string;
  status: string;
  reason: string | null;
  actor: string | null;
  /** The staff member's name when Shopify gave one (server/domain/staff); only the history query reads it. */
  actorName?: string | null;
  createdAt: Date;
  shopifyOrderId: string | null;
  orderName: string | null;
}

// Matches the expression of customer_search_trgm_idx exactly, so the trigram index answers the search.
const searchText = `lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''))`;

const summaryColumns = `id, shopify_customer_id::text AS "shopifyCustomerId", first_name AS "firstName",
  last_name AS "lastName", email, points_balance AS balance, pending_points AS pending, tier, birthday`;

export interface CustomerSearch {
  query?: string;
  afterId?: number;
  limit: number;
}

/** The page's SQL, exported so a test can show the planner answers it from the indexes. */
export function customerSearchQuery(shopId: number, options: CustomerSearch): { text: string; values: unknown[] } {
  const values: unknown[] = [shopId];
  const where = ["shop_id = $1"];
  if (options.query) {
    values.push(containsPattern(options.query));
    where.push(`${searchText} LIKE $${values.length}`);
  }
  if (options.afterId !== undefined) {
    values.push(options.afterId);
    where.push(`id < $${values.length}`);
  }
  values.push(options.limit + 1);
  const text = `SELECT ${summaryColumns} FROM customer WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT $${values.length}`;
  return { text, values };
}

export function createCustomerAdminRepository(pool: PgPool) {
  return {
    /** Newest first; `afterId` is the last id of the previous page. Asks for one extra row to know if more follow. */
    async search(shopId: number, options: CustomerSearch) {
      const result = await pool.query<CustomerSummaryRow>(customerSearchQuery(shopId, options));
      return { rows: result.rows.slice(0, options.limit), more: result.rows.length > options.limit };
    },

    /** Only the shop's own customer: another shop's id finds nothing. */
    async find(shopId: number, customerId: number): Promise<CustomerSummaryRow | undefined> {
      const result = await pool.query<CustomerSummaryRow>(
        `SELECT ${summaryColumns} FROM customer WHERE shop_id = $1 AND id = $2`,
        [shopId, customerId],
      );
      return result.rows[0];
    },

    /** The storefront and checkout know a customer by Shopify's id only. */
    async pointsByShopifyId(shopId: number, shopifyCustomerId: bigint) {
      const result = await pool.query<{
        id: number;
        balance: number;
        pending: number;
        tier: string | null;
        birthday: string | null;
      }>(
        `SELECT id, points_balance AS balance, pending_points AS pending, tier, birthday
         FROM customer WHERE shop_id = $1 AND shopify_customer_id = $2`,
        [shopId, shopifyCustomerId.toString()],
      );
      return result.rows[0] ?? null;
    },

    async ledger(shopId: number, customerId: number): Promise<LedgerHistoryRow[]> {
      const result = await pool.query<LedgerHistoryRow>(
        `SELECT l.id::text AS id, l.points, l.cause::text AS cause, l.status::text AS status, l.reason, l.actor, l.created_at AT TIME ZONE 'UTC' AS "createdAt",
                l.shopify_order_id::text AS "shopifyOrderId", o.name AS "orderName",
                coalesce(nullif(trim(concat_ws(' ', s.first_name, s.last_name)), ''), s.email) AS "actorName"
         FROM ledger_entry l
         LEFT JOIN "order" o ON o.shop_id = l.shop_id AND o.shopify_order_id = l.shopify_order_id
         LEFT JOIN staff_member s ON s.shop_id = l.shop_id AND s.user_id = l.actor
         WHERE l.shop_id = $1 AND l.customer_id = $2
         ORDER BY l.created_at DESC, l.id DESC`,
        [shopId, customerId],
      );
      return result.rows;
    },
  };
}

export type CustomerAdminRepository = ReturnType<typeof createCustomerAdminRepository>;
