// Reads the admin's coupon list and its summary: status as the merchant sees it (expired is derived), newest first.
import type { PgPool } from "../../db/create-pg-pool.js";

/** What the admin filters on; "expired" is an issued coupon whose end date has passed, not a stored status. */
export const couponListStatuses = ["issued", "redeemed", "expired", "failed", "pending"] as const;
export type CouponListStatus = (typeof couponListStatuses)[number];

export interface CouponListRow {
  id: number;
  code: string;
  status: CouponListStatus;
  orderId: string;
  orderName: string | null;
  customerId: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  kind: string;
  value: string;
  currencyCode: string;
  minimumSubtotal: string | null;
  endsAt: Date;
  redeemedAt: Date | null;
  redeemedOrderName: string | null;
  revenue: string | null;
  lastError: string | null;
}

export interface CouponSummaryRow {
  issued: number;
  redeemed: number;
  expired: number;
  failed: number;
  revenue: string;
}

export interface CouponPageQuery {
  status?: CouponListStatus;
  /** The last id the previous page showed; this page starts below it. */
  beforeId?: number;
  limit: number;
  now: Date;
}

// $2 is "now" as UTC without a zone, the way the timestamp columns hold it.
const NOW = "($2::timestamptz AT TIME ZONE 'UTC')";
const VIEW_STATUS = `CASE WHEN c.status = 'issued' AND c.ends_at <= ${NOW} THEN 'expired' ELSE c.status::text END`;

const STATUS_FILTER: Record<CouponListStatus, string> = {
  issued: `c.status = 'issued' AND c.ends_at > ${NOW}`,
  expired: `c.status = 'issued' AND c.ends_at <= ${NOW}`,
  redeemed: "c.status = 'redeemed'",
  failed: "c.status = 'failed'",
  pending: "c.status = 'pending'",
};

export function createCouponListRepository(pool: PgPool) {
  return {
    /** One page, newest first, and whether another page follows. */
    async page(shopId: number, query: CouponPageQuery): Promise<{ rows: CouponListRow[]; more: boolean }> {
      const filter = query.status ? STATUS_FILTER[query.status] : "TRUE";
      const { rows } = await pool.query<CouponListRow>(
        `SELECT c.id, c.code, ${VIEW_STATUS} AS status, c.shopify_order_id::text AS "orderId", o.name AS "orderName",
                cu.id AS "customerId", cu.first_name AS "firstName", cu.last_name AS "lastName", cu.email,
                c.kind::text AS kind, c.value::text AS value, c.currency_code AS "currencyCode",
                c.minimum_subtotal::text AS "minimumSubtotal", c.ends_at AT TIME ZONE 'UTC' AS "endsAt",
                c.redeemed_at AT TIME ZONE 'UTC' AS "redeemedAt", ro.name AS "redeemedOrderName",
                c.redeemed_revenue::text AS revenue, c.last_error AS "lastError"
           FROM coupon c
           LEFT JOIN "order" o ON o.shop_id = c.shop_id AND o.shopify_order_id = c.shopify_order_id
           LEFT JOIN "order" ro ON ro.shop_id = c.shop_id AND ro.shopify_order_id = c.redeemed_order_id
           LEFT JOIN customer cu ON cu.id = c.customer_id
          WHERE c.shop_id = $1 AND (${filter}) AND ($3::int IS NULL OR c.id < $3)
          ORDER BY c.id DESC
          LIMIT $4`,
        [shopId, query.now.toISOString(), query.beforeId ?? null, query.limit + 1],
      );
      return { rows: rows.slice(0, query.limit), more: rows.length > query.limit };
    },

    /** Counts by status over all the shop's coupons, and the revenue the redeemed ones brought back. */
    async summary(shopId: number, now: Date): Promise<CouponSummaryRow> {
      const { rows } = await pool.query<CouponSummaryRow>(
        `SELECT count(*) FILTER (WHERE c.status = 'issued' AND c.ends_at > ${NOW})::int AS issued,
                count(*) FILTER (WHERE c.status = 'redeemed')::int AS redeemed,
                count(*) FILTER (WHERE c.status = 'issued' AND c.ends_at <= ${NOW})::int AS expired,
                count(*) FILTER (WHERE c.status = 'failed')::int AS failed,
                COALESCE(sum(c.redeemed_revenue) FILTER (WHERE c.status = 'redeemed'), 0)::numeric(14, 2)::text AS revenue
           FROM coupon c
          WHERE c.shop_id = $1`,
        [shopId, now.toISOString()],
      );
      const [row] = rows;
      if (!row) throw new Error("an aggregate query returned no row");
      return row;
    },
  };
}

export type CouponListRepository = ReturnType<typeof createCouponListRepository>;
