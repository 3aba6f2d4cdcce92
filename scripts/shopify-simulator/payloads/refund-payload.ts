// Builds the REST refund resource sent with refunds/create and embedded in order payloads.
import { formatCents } from "../state/money.js";
import { refundLineSubtotalCents, refundLineTaxCents } from "../state/order-totals.js";
import type { SimOrder, SimRefund, SimShop } from "../state/sim-types.js";
import { buildLineItemPayload } from "./line-item-payload.js";
import { moneySet } from "./money-set.js";
import { shopTime } from "./shop-time.js";

export function buildRefundPayload(shop: SimShop, order: SimOrder, refund: SimRefund) {
  const tz = shop.ianaTimezone;
  const refundLines = refund.lines.map((line) => {
    const subtotal = refundLineSubtotalCents(order, line);
    const tax = refundLineTaxCents(order, line);
    const item = order.lineItems.find((li) => li.id === line.lineItemId);
    return {
      id: line.id,
      line_item_id: line.lineItemId,
      location_id: null,
      quantity: line.quantity,
      restock_type: "no_restock",
      subtotal: Number(formatCents(subtotal)),
      subtotal_set: moneySet(subtotal, order.currency),
      total_tax: Number(formatCents(tax)),
      total_tax_set: moneySet(tax, order.currency),
      line_item: item ? buildLineItemPayload(order, item) : null,
    };
  });
  const amountCents = refund.lines.reduce(
    (s, l) => s + refundLineSubtotalCents(order, l) + refundLineTaxCents(order, l),
    0,
  );
  return {
    id: refund.id,
    order_id: order.id,
    created_at: shopTime(refund.createdAt, tz),
    note: refund.note,
    user_id: null,
    processed_at: shopTime(refund.createdAt, tz),
    restock: false,
    duties: [],
    total_duties_set: moneySet(0, order.currency),
    return: null,
    admin_graphql_api_id: `gid://shopify/Refund/${refund.id}`,
    refund_line_items: refundLines,
    transactions: [
      {
        id: refund.transactionId,
        order_id: order.id,
        kind: "refund",
        gateway: "bogus",
        status: "success",
        message: "Bogus Gateway: Forced success",
        created_at: shopTime(refund.createdAt, tz),
        test: order.test,
        authorization: null,
        location_id: null,
        user_id: null,
        parent_id: null,
        processed_at: shopTime(refund.createdAt, tz),
        device_id: null,
        error_code: null,
        source_name: "web",
        receipt: {},
        amount: formatCents(amountCents),
        currency: order.currency,
        payment_id: `c${order.id}.2`,
        manual_payment_gateway: false,
        admin_graphql_api_id: `gid://shopify/OrderTransaction/${refund.transactionId}`,
      },
    ],
    order_adjustments: [],
  };
}
