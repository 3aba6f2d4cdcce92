// Paid, open orders nobody has reported delivered, page by page: the candidates of the delayed-delivery check.
import type { PgPool } from "../../db/create-pg-pool.js";
import { orderLanguageSql } from "../deliveries/order-delivery-repository.js";

/** "YYYY-MM-DD" days in the shop's time zone (shipping's DeliveryWindow has this shape). */
export interface DeliveryWindowDays {
  earliest: string;
  latest: string;
}

export interface LateOrderCandidate {
  orderRowId: number;
  shopId: number;
  shopifyOrderId: bigint;
  orderName: string | null;
  customerId: number | null;
  email: string | null;
  locale: string | null;
  timeZone: string;
  placedAt: Date;
  /** When the first shipment left; null while unshipped (then the window counts from the order). */
  shippedAt: Date | null;
  /** Choose the transit row; both null when nothing ships. */
  countryCode: string | null;
  shippingMethod: string | null;
}

// A guest has no customer row: the order's own address and locale stand in. Orders of installed shops only; a
// delivered one, or one already given its apology, is never looked at again. A parcel shipped without tracking is
// skipped: no carrier will report it delivered, so its silence says nothing.
const candidatesSql = `
SELECT o.id AS "orderRowId", o.shop_id AS "shopId", o.shopify_order_id::text AS "shopifyOrderId", o.name AS "orderName",
       o.customer_id AS "customerId", COALESCE(c.email, NULLIF(eo.email, '')) AS email, ${orderLanguageSql} AS locale,
       COALESCE(s.iana_timezone, 'UTC') AS "timeZone",
       o.shopify_created_at AT TIME ZONE 'UTC' AS "placedAt", sh.shipped_at AT TIME ZONE 'UTC' AS "shippedAt",
       o.shipping_country_code AS "countryCode", o.shipping_method AS "shippingMethod"
FROM "order" o
JOIN shop s ON s.id = o.shop_id AND s.status = 'installed'
LEFT JOIN customer c ON c.id = o.customer_id
LEFT JOIN email_order eo ON eo.shop_id = o.shop_id AND eo.shopify_order_id = o.shopify_order_id
LEFT JOIN order_shipment sh ON sh.shop_id = o.shop_id AND sh.shopify_order_id = o.shopify_order_id
WHERE o.id > $1
  AND o.paid_at IS NOT NULL AND o.cancelled_at IS NULL
  AND o.shopify_created_at >= ($2::timestamptz AT TIME ZONE 'UTC')
  AND (sh.tracked IS NULL OR sh.tracked)
  AND NOT EXISTS (SELECT 1 FROM order_delivery d WHERE d.shop_id = o.shop_id AND d.shopify_order_id = o.shopify_order_id)
  AND NOT EXISTS (SELECT 1 FROM email_outbox e
                  WHERE e.shop_id = o.shop_id AND e.dedupe_key = 'order:' || o.shopify_order_id || ':delayed')
ORDER BY o.id
LIMIT $3`;

export function createLateOrderRepository(pool: PgPool) {
  return {
    /** Orders placed since `placedSince`, after the row id `afterRowId` (a cursor), oldest row first. */
    async candidates(placedSince: Date, afterRowId: number, limit: number): Promise<LateOrderCandidate[]> {
      const result = await pool.query<Omit<LateOrderCandidate, "shopifyOrderId"> & { shopifyOrderId: string }>(
        candidatesSql,
        [afterRowId, placedSince.toISOString(), limit],
      );
      return result.rows.map((row) => ({ ...row, shopifyOrderId: BigInt(row.shopifyOrderId) }));
    },
  };
}

export type LateOrderRepository = ReturnType<typeof createLateOrderRepository>;
