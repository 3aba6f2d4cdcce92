// What order emails need to know about an order, kept from its order webhooks for the later shipping emails.
import type { EmailOrder } from "@prisma/client";
import type { PgPool } from "../../db/create-pg-pool.js";
import type { OrderEmailPayload } from "./order-email-payload.js";

// A type, not an interface: it is stored as JSON, which wants an index signature.
export type OrderItem = {
  title: string;
  variantTitle: string | null;
  quantity: number;
  price: string;
};

export function itemsOf(order: OrderEmailPayload): OrderItem[] {
  return order.line_items.map((item) => ({
    title: item.title,
    variantTitle: item.variant_title ?? null,
    quantity: item.quantity,
    price: item.price,
  }));
}

// Every order event and every order email reads or writes this row: plain pg, since each Prisma statement costs about
// 1 ms of CPU in its query compiler. Timestamps are UTC without a zone, as Prisma writes them.
const columns = `shop_id AS "shopId", shopify_order_id::text AS "shopifyOrderId", order_name AS "orderName", email, language,
  customer_id AS "customerId", first_name AS "firstName", ordered_at AT TIME ZONE 'UTC' AS "orderedAt",
  country_code AS "countryCode", shipping_method AS "shippingMethod", currency_code AS "currencyCode",
  total_price AS "totalPrice", items, updated_at AT TIME ZONE 'UTC' AS "updatedAt"`;

const upsertSql = `
INSERT INTO email_order (shop_id, shopify_order_id, order_name, email, language, customer_id, first_name, ordered_at,
                         country_code, shipping_method, currency_code, total_price, items, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, ($8::timestamptz AT TIME ZONE 'UTC'), $9, $10, $11, $12, $13::jsonb,
        (now() AT TIME ZONE 'UTC'))
ON CONFLICT (shop_id, shopify_order_id) DO UPDATE SET
  order_name = EXCLUDED.order_name, email = EXCLUDED.email, language = EXCLUDED.language,
  customer_id = EXCLUDED.customer_id, first_name = EXCLUDED.first_name, ordered_at = EXCLUDED.ordered_at,
  country_code = EXCLUDED.country_code, shipping_method = EXCLUDED.shipping_method,
  currency_code = EXCLUDED.currency_code, total_price = EXCLUDED.total_price, items = EXCLUDED.items,
  updated_at = EXCLUDED.updated_at
RETURNING ${columns}`;

type EmailOrderRow = Omit<EmailOrder, "shopifyOrderId"> & { shopifyOrderId: string };

const toEmailOrder = (row: EmailOrderRow): EmailOrder => ({ ...row, shopifyOrderId: BigInt(row.shopifyOrderId) });

export function createEmailOrderRepository(pool: PgPool) {
  return {
    /** Upserted by every order event of the order; the newest payload's facts win. */
    async record(shopId: number, customerId: number | null, order: OrderEmailPayload): Promise<EmailOrder> {
      const { rows } = await pool.query<EmailOrderRow>(upsertSql, [
        shopId,
        order.id,
        order.name ?? null,
        order.email ?? order.customer?.email ?? null,
        // The customer's locale as Shopify gives it ("id-ID"); the outbox picks the language from it.
        order.customer_locale ?? "",
        customerId,
        order.customer?.first_name ?? null,
        order.created_at ?? order.updated_at,
        order.shipping_address?.country_code ?? null,
        order.shipping_lines[0]?.title ?? null,
        order.currency ?? null,
        order.total_price ?? null,
        JSON.stringify(itemsOf(order)),
      ]);
      if (!rows[0]) throw new Error(`email order ${order.id} was not recorded`);
      return toEmailOrder(rows[0]);
    },
    async find(shopId: number, shopifyOrderId: number | bigint): Promise<EmailOrder | null> {
      const { rows } = await pool.query<EmailOrderRow>(
        `SELECT ${columns} FROM email_order WHERE shop_id = $1 AND shopify_order_id = $2`,
        [shopId, shopifyOrderId.toString()],
      );
      return rows[0] ? toEmailOrder(rows[0]) : null;
    },
  };
}

export type EmailOrderRepository = ReturnType<typeof createEmailOrderRepository>;
