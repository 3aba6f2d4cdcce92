// Builds the REST order resource Shopify sends with orders/create, orders/paid, orders/cancelled, orders/fulfilled.
import { formatCents } from "../state/money.js";
import { orderTotals } from "../state/order-totals.js";
import type { SimCustomer, SimOrder, SimShop } from "../state/sim-types.js";
import { buildAddressPayload } from "./address-payload.js";
import { buildCustomerPayload } from "./customer-payload.js";
import { buildFulfillmentPayload } from "./fulfillment-payload.js";
import { buildLineItemPayload } from "./line-item-payload.js";
import { moneySet } from "./money-set.js";
import { buildRefundPayload } from "./refund-payload.js";
import { shopTime, shopTimeOrNull } from "./shop-time.js";

function orderFulfillmentStatus(order: SimOrder): "fulfilled" | "partial" | null {
  const done = new Set(order.fulfillments.flatMap((f) => f.lineItemIds));
  if (done.size === 0) return null;
  return order.lineItems.every((li) => done.has(li.id)) ? "fulfilled" : "partial";
}

function moneyFields(order: SimOrder) {
  const t = orderTotals(order);
  const c = order.currency;
  return {
    current_subtotal_price: formatCents(t.currentSubtotalCents),
    current_subtotal_price_set: moneySet(t.currentSubtotalCents, c),
    current_total_discounts: formatCents(t.discountCents),
    current_total_discounts_set: moneySet(t.discountCents, c),
    current_total_price: formatCents(t.currentTotalCents),
    current_total_price_set: moneySet(t.currentTotalCents, c),
    current_total_tax: formatCents(t.taxCents),
    current_total_tax_set: moneySet(t.taxCents, c),
    subtotal_price: formatCents(t.subtotalCents),
    subtotal_price_set: moneySet(t.subtotalCents, c),
    total_discounts: formatCents(t.discountCents),
    total_discounts_set: moneySet(t.discountCents, c),
    total_line_items_price: formatCents(t.lineItemsCents),
    total_line_items_price_set: moneySet(t.lineItemsCents, c),
    total_outstanding: order.financialStatus === "pending" ? formatCents(t.totalCents) : "0.00",
    total_price: formatCents(t.totalCents),
    total_price_set: moneySet(t.totalCents, c),
    total_shipping_price_set: moneySet(t.shippingCents, c),
    total_tax: formatCents(t.taxCents),
    total_tax_set: moneySet(t.taxCents, c),
    taxes_included: false,
  };
}

function shippingLines(order: SimOrder) {
  return [
    {
      id: order.id + 3,
      code: "Standard",
      title: "Standard",
      source: "shopify",
      price: order.shippingPrice,
      price_set: moneySet(Math.round(Number(order.shippingPrice) * 100), order.currency),
      discounted_price: order.shippingPrice,
      tax_lines: [],
      discount_allocations: [],
    },
  ];
}

export function buildOrderPayload(shop: SimShop, order: SimOrder, customer: SimCustomer | null) {
  const tz = shop.ianaTimezone;
  const address = customer ? buildAddressPayload(shop, customer.firstName, customer.lastName) : null;
  return {
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    app_id: 580111,
    browser_ip: "203.0.113.10",
    buyer_accepts_marketing: customer?.acceptsMarketing ?? false,
    cancel_reason: order.cancelReason,
    cancelled_at: shopTimeOrNull(order.cancelledAt, tz),
    cart_token: null,
    checkout_id: order.id + 1,
    checkout_token: null,
    closed_at: shopTimeOrNull(order.closedAt, tz),
    confirmation_number: `SIM${order.orderNumber}`,
    confirmed: true,
    contact_email: order.email,
    created_at: shopTime(order.createdAt, tz),
    currency: order.currency,
    customer_locale: order.customerLocale,
    discount_codes: order.discountCodes.map((d) => ({ code: d.code, amount: d.amount, type: d.type })),
    email: order.email ?? "",
    estimated_taxes: false,
    financial_status: order.financialStatus,
    fulfillment_status: orderFulfillmentStatus(order),
    landing_site: null,
    name: `#${order.orderNumber}`,
    note: null,
    note_attributes: [],
    number: order.orderNumber - 1000,
    order_number: order.orderNumber,
    order_status_url: `https://${shop.domain}/${shop.id}/orders/${order.id.toString(16)}/authenticate`,
    payment_gateway_names: ["bogus"],
    phone: null,
    presentment_currency: order.currency,
    processed_at: shopTime(order.processedAt, tz),
    reference: null,
    referring_site: null,
    source_name: "web",
    tags: "",
    test: order.test,
    token: order.id.toString(16),
    updated_at: shopTime(order.updatedAt, tz),
    user_id: null,
    ...moneyFields(order),
    billing_address: address,
    customer: customer ? buildCustomerPayload(shop, customer) : null,
    discount_applications: order.discountCodes.map((d) => ({
      target_type: d.type === "shipping" ? "shipping_line" : "line_item",
      type: "discount_code",
      value: d.amount,
      value_type: d.type === "percentage" ? "percentage" : "fixed_amount",
      allocation_method: "across",
      target_selection: "all",
      code: d.code,
    })),
    fulfillments: order.fulfillments.map((f) => buildFulfillmentPayload(shop, order, f)),
    line_items: order.lineItems.map((li) => buildLineItemPayload(order, li)),
    payment_terms: null,
    refunds: order.refunds.map((r) => buildRefundPayload(shop, order, r)),
    shipping_address: address,
    shipping_lines: shippingLines(order),
  };
}
