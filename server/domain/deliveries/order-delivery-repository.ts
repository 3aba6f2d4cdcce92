// Orders' first shipments and the deliveries carriers reported, once each; and who to write to about an order.
import type { PgPool } from "../../db/create-pg-pool.js";

/**
 * The locale an order's emails are written in, as SQL over `eo` (email_order) and `c` (customer): the order's
 * customer_locale when its order webhook was recorded (empty = none, so the shop's language), else the customer's.
 * Every email of one order (order, shipping, delay, survey) then picks the same language, guests included.
 */
export const orderLanguageSql = `CASE WHEN eo.shop_id IS NOT NULL THEN NULLIF(eo.language, '') ELSE c.locale END`;

export interface OrderRecipient {
  orderName: string | null;
  customerId: number | null;
  email: string | null;
  locale: string | null;
}

// The first "delivered" event wins; a repeat or a later fulfillment of the same order keeps the first moment.
const recordSql = `
WITH inserted AS (
  INSERT INTO order_delivery (shop_id, shopify_order_id, fulfillment_id, delivered_at)
  VALUES ($1, $2, $3, ($4::timestamptz AT TIME ZONE 'UTC'))
  ON CONFLICT (shop_id, shopify_order_id) DO NOTHING
  RETURNING delivered_at
)
SELECT delivered_at AT TIME ZONE 'UTC' AS "deliveredAt", true AS first FROM inserted
UNION ALL
SELECT delivered_at AT TIME ZONE 'UTC', false FROM order_delivery
WHERE shop_id = $1 AND shopify_order_id = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`;

// The earliest shipment's moment is kept; tracking added later (a fulfillment updated with a number) still counts.
const shippedSql = `
INSERT INTO order_shipment (shop_id, shopify_order_id, fulfillment_id, shipped_at, tracked)
VALUES ($1, $2, $3, ($4::timestamptz AT TIME ZONE 'UTC'), $5)
ON CONFLICT (shop_id, shopify_order_id) DO UPDATE SET
  fulfillment_id = CASE WHEN EXCLUDED.shipped_at < order_shipment.shipped_at
                        THEN EXCLUDED.fulfillment_id ELSE order_shipment.fulfillment_id END,
  shipped_at = LEAST(order_shipment.shipped_at, EXCLUDED.shipped_at),
  tracked = order_shipment.tracked OR EXCLUDED.tracked`;

// The customer's address, else the order's (a guest has no customer row); the language as orderLanguageSql says.
const recipientSql = `
SELECT o.name AS "orderName", o.customer_id AS "customerId", COALESCE(c.email, NULLIF(eo.email, '')) AS email,
       ${orderLanguageSql} AS locale
FROM "order" o
LEFT JOIN customer c ON c.id = o.customer_id
LEFT JOIN email_order eo ON eo.shop_id = o.shop_id AND eo.shopify_order_id = o.shopify_order_id
WHERE o.shop_id = $1 AND o.shopify_order_id = $2`;

export function createOrderDeliveryRepository(pool: PgPool) {
  return {
    async recordDelivered(input: {
      shopId: number;
      shopifyOrderId: bigint;
      fulfillmentId: bigint;
      deliveredAt: Date;
    }): Promise<{ deliveredAt: Date; first: boolean }> {
      const result = await pool.query<{ deliveredAt: Date; first: boolean }>(recordSql, [
        input.shopId,
        input.shopifyOrderId.toString(),
        input.fulfillmentId.toString(),
        input.deliveredAt.toISOString(),
      ]);
      const row = result.rows[0];
      if (!row) throw new Error("order delivery upsert returned no row");
      return row;
    },
    async recordShipped(input: {
      shopId: number;
      shopifyOrderId: bigint;
      fulfillmentId: bigint;
      shippedAt: Date;
      tracked: boolean;
    }): Promise<void> {
      await pool.query(shippedSql, [
        input.shopId,
        input.shopifyOrderId.toString(),
        input.fulfillmentId.toString(),
        input.shippedAt.toISOString(),
        input.tracked,
      ]);
    },
    /** null when the order's webhook has not been recorded (yet). */
    async recipientOf(shopId: number, shopifyOrderId: bigint): Promise<OrderRecipient | null> {
      const result = await pool.query<OrderRecipient>(recipientSql, [shopId, shopifyOrderId.toString()]);
      return result.rows[0] ?? null;
    },
  };
}

export type OrderDeliveryRepository = ReturnType<typeof createOrderDeliveryRepository>;
