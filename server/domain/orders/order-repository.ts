// Orders as webhooks describe them; an event older than what we hold never overwrites it.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { ThankYouOrder } from "./order-payload.js";

/**
 * Shopify's updated_at has one-second precision, so two events can tie; then the status further along its
 * life wins (an orders/create saying "pending" must not undo an orders/paid of the same second).
 */
function financialRank(column: string): string {
  return `CASE ${column} WHEN 'pending' THEN 1 WHEN 'authorized' THEN 2 WHEN 'partially_paid' THEN 3 WHEN 'paid' THEN 4
    WHEN 'partially_refunded' THEN 5 WHEN 'refunded' THEN 6 WHEN 'voided' THEN 7 ELSE 0 END`;
}

// Timestamps arrive with offsets; columns hold UTC without a zone, as Prisma writes them.
export const recordOrderSql = `
INSERT INTO "order" (shop_id, shopify_order_id, customer_id, name, currency_code, subtotal_price, financial_status,
                     paid_at, cancelled_at, shopify_created_at, shopify_updated_at, updated_at,
                     shipping_country_code, shipping_method)
VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, ($8::timestamptz AT TIME ZONE 'UTC'), ($9::timestamptz AT TIME ZONE 'UTC'),
        ($10::timestamptz AT TIME ZONE 'UTC'), ($11::timestamptz AT TIME ZONE 'UTC'), now(), $12, $13)
ON CONFLICT (shop_id, shopify_order_id) DO UPDATE SET
  customer_id = COALESCE(EXCLUDED.customer_id, "order".customer_id),
  name = EXCLUDED.name,
  subtotal_price = EXCLUDED.subtotal_price,
  financial_status = EXCLUDED.financial_status,
  paid_at = COALESCE("order".paid_at, EXCLUDED.paid_at),
  cancelled_at = EXCLUDED.cancelled_at,
  shopify_updated_at = EXCLUDED.shopify_updated_at,
  updated_at = now(),
  shipping_country_code = EXCLUDED.shipping_country_code,
  shipping_method = EXCLUDED.shipping_method
WHERE "order".shopify_updated_at IS NULL
   OR "order".shopify_updated_at < EXCLUDED.shopify_updated_at
   OR ("order".shopify_updated_at = EXCLUDED.shopify_updated_at
       AND ${financialRank("EXCLUDED.financial_status")} >= ${financialRank('"order".financial_status')})`;

/**
 * Orders of `customer` placed before the order `orderId` placed at `placedAt` (SQL expressions, e.g. parameters).
 * created_at has one-second precision; Shopify's order ids grow, so they order orders of the same second.
 */
export function previousOrdersCountSql(customer: string, placedAt: string, orderId: string, shop: string): string {
  return `SELECT count(*)::int FROM "order" o
 WHERE o.shop_id = ${shop} AND o.customer_id = ${customer}
   AND (o.shopify_created_at < (${placedAt}::timestamptz AT TIME ZONE 'UTC')
        OR (o.shopify_created_at = (${placedAt}::timestamptz AT TIME ZONE 'UTC') AND o.shopify_order_id < ${orderId}))`;
}
const countPreviousSql = `SELECT (${previousOrdersCountSql("$2", "$3", "$4", "$1")}) AS previous`;

export function createOrderRepository(pool: PgPool) {
  return {
    /** Orders of this customer we recorded as placed before this one (coupons and first-order emails ask). */
    async countPreviousOrders(shopId: number, customerId: number, before: Date, orderId: number): Promise<number> {
      const { rows } = await pool.query<{ previous: number }>(countPreviousSql, [
        shopId,
        customerId,
        before.toISOString(),
        orderId,
      ]);
      return rows[0]?.previous ?? 0;
    },
    /** Upserts by (shop, Shopify order id); the payload's updated_at decides which version wins. */
    async record(shopId: number, customerId: number | null, order: ThankYouOrder): Promise<void> {
      await pool.query(recordOrderSql, recordOrderParameters(shopId, customerId, order));
    },
  };
}

/** recordOrderSql's parameters, $1 to $13. */
export function recordOrderParameters(shopId: number, customerId: number | null, order: ThankYouOrder): unknown[] {
  const paidAt = order.financial_status === "paid" ? (order.processed_at ?? order.updated_at) : null;
  return [
    shopId,
    order.id,
    customerId,
    order.name ?? null,
    order.currency ?? null,
    order.subtotal_price,
    order.financial_status ?? null,
    paidAt,
    order.cancelled_at ?? null,
    order.created_at ?? null,
    order.updated_at,
    order.shipping_address?.country_code ?? null,
    order.shipping_lines?.[0]?.title ?? null,
  ];
}

export type OrderRepository = ReturnType<typeof createOrderRepository>;
