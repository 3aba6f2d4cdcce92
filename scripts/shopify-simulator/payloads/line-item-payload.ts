// Builds the REST line-item shape shared by order, fulfillment and refund payloads.
import { toCents } from "../state/money.js";
import type { SimLineItem, SimOrder } from "../state/sim-types.js";
import { moneySet } from "./money-set.js";

export function lineItemFulfillmentStatus(order: SimOrder, item: SimLineItem): "fulfilled" | null {
  return order.fulfillments.some((f) => f.lineItemIds.includes(item.id)) ? "fulfilled" : null;
}

export function buildLineItemPayload(
  order: SimOrder,
  item: SimLineItem,
  status = lineItemFulfillmentStatus(order, item),
) {
  const priceCents = toCents(item.price);
  const taxCents = Math.round(priceCents * item.quantity * order.taxRate);
  return {
    id: item.id,
    admin_graphql_api_id: `gid://shopify/LineItem/${item.id}`,
    attributed_staffs: [],
    current_quantity: item.quantity,
    fulfillable_quantity: status === "fulfilled" ? 0 : item.quantity,
    fulfillment_service: "manual",
    fulfillment_status: status,
    gift_card: false,
    grams: 0,
    name: item.title,
    price: item.price,
    price_set: moneySet(priceCents, order.currency),
    product_exists: true,
    product_id: item.productId,
    properties: [],
    quantity: item.quantity,
    requires_shipping: true,
    sku: item.sku,
    taxable: order.taxRate > 0,
    title: item.title,
    total_discount: "0.00",
    total_discount_set: moneySet(0, order.currency),
    variant_id: item.variantId,
    variant_inventory_management: "shopify",
    variant_title: null,
    vendor: null,
    tax_lines:
      order.taxRate > 0
        ? [
            {
              price: (taxCents / 100).toFixed(2),
              rate: order.taxRate,
              title: "Sales tax",
              price_set: moneySet(taxCents, order.currency),
              channel_liable: false,
            },
          ]
        : [],
    duties: [],
    discount_allocations: [],
  };
}
