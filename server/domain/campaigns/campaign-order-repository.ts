// What campaigns need from each order: its line items (for replenishment) and the campaign codes it redeemed.
import type { PgPool } from "../../db/create-pg-pool.js";
import type { OrderPayload } from "../orders/order-payload.js";
import type { CampaignSendRepository } from "./campaign-send-repository.js";

// One statement for all of an order's lines; a repeated webhook only fills in a customer learned later.
const lineItemsSql = `
INSERT INTO order_line_item (shop_id, shopify_order_id, shopify_line_item_id, customer_id, product_id, variant_id,
                             title, quantity, ordered_at)
SELECT $1, $2, l.id, $3, l.product_id, l.variant_id, l.title, l.quantity, ($4::timestamptz AT TIME ZONE 'UTC')
FROM unnest($5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::int[])
  AS l(id, product_id, variant_id, title, quantity)
ON CONFLICT (shop_id, shopify_order_id, shopify_line_item_id) DO UPDATE SET
  customer_id = COALESCE(EXCLUDED.customer_id, order_line_item.customer_id)`;

export function createCampaignOrderRepository(pool: PgPool, sends: Pick<CampaignSendRepository, "redeem">) {
  return {
    /** Stores the line items and redeems campaign codes used on the order; returns the codes it redeemed. */
    async record(shopId: number, customerId: number | null, order: OrderPayload): Promise<string[]> {
      // Shopify's line ids are unique in an order; a payload that repeats one must not fail the whole upsert.
      const lines = [...new Map(order.line_items.map((line) => [line.id, line])).values()];
      const orderedAt = order.created_at ?? order.updated_at;
      if (lines.length > 0) {
        await pool.query(lineItemsSql, [
          shopId,
          order.id,
          customerId,
          orderedAt,
          lines.map((line) => line.id),
          lines.map((line) => line.product_id ?? null),
          lines.map((line) => line.variant_id ?? null),
          lines.map((line) => line.title ?? null),
          lines.map((line) => line.quantity),
        ]);
      }
      const redeemed: string[] = [];
      if (order.cancelled_at) return redeemed;
      for (const { code } of order.discount_codes) {
        const at = new Date(orderedAt);
        if (await sends.redeem(shopId, code, BigInt(order.id), order.subtotal_price, at)) redeemed.push(code);
      }
      return redeemed;
    },
  };
}

export type CampaignOrderRepository = ReturnType<typeof createCampaignOrderRepository>;
