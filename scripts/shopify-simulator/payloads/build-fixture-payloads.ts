// Builds one example payload per webhook topic from a fixed, deterministic store: the source of fixtures/*.json.
import { SimStore } from "../state/sim-store.js";
import { buildCustomerPayload } from "./customer-payload.js";
import { buildFulfillmentPayload } from "./fulfillment-payload.js";
import { buildOrderPayload } from "./order-payload.js";
import { buildRefundPayload } from "./refund-payload.js";
import {
  buildCustomerDataRequestPayload,
  buildCustomerRedactPayload,
  buildShopPayload,
  buildShopRedactPayload,
} from "./shop-payload.js";

export const FIXTURE_TOPICS = [
  "orders/create",
  "orders/paid",
  "orders/cancelled",
  "orders/fulfilled",
  "fulfillments/create",
  "fulfillments/update",
  "refunds/create",
  "customers/create",
  "app/uninstalled",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export type FixtureTopic = (typeof FIXTURE_TOPICS)[number];

/** A clock that ticks one minute per reading, so timestamps differ but never change between runs. */
function fixedClock(): () => Date {
  let t = Date.parse("2026-11-20T15:00:00Z");
  return () => new Date((t += 60_000));
}

export function buildFixturePayloads(): Record<FixtureTopic, unknown> {
  const store = new SimStore(fixedClock());
  const shop = store.createShop({
    domain: "demo-shop.myshopify.com",
    name: "Demo Shop",
    email: "owner@demo-shop.test",
  });
  const customer = store.createCustomer(shop.domain, {
    firstName: "Ann",
    lastName: "Lee",
    email: "ann@example.com",
    acceptsMarketing: true,
  });
  const lineItems = [
    { title: "Ceramic Mug", price: "18.00", quantity: 2, sku: "MUG-WHT" },
    { title: "Tea Sampler", price: "24.50", quantity: 1, sku: "TEA-SMP" },
  ];
  const current = store.createOrder(shop.domain, {
    customerId: customer.id,
    lineItems,
    discountCodes: [{ code: "WELCOME10", amount: "6.05", type: "percentage" }],
    shippingPrice: "4.90",
    taxRate: 0.08,
  });
  // Payloads are snapshots: built right after each action, later actions do not change them.
  const created = buildOrderPayload(shop, current, customer);
  const paid = buildOrderPayload(shop, store.payOrder(shop.domain, current.id), customer);
  const { fulfillment } = store.fulfillOrder(shop.domain, current.id, {
    trackingCompany: "UPS",
    trackingNumber: "1Z999AA10123456784",
  });
  const fulfillmentCreate = buildFulfillmentPayload(shop, current, fulfillment);
  const fulfilled = buildOrderPayload(shop, current, customer);
  store.updateFulfillmentStatus(shop.domain, fulfillment.id, "in_transit");
  const fulfillmentUpdate = buildFulfillmentPayload(shop, current, fulfillment);
  const firstLine = current.lineItems[0];
  if (!firstLine) throw new Error("fixture line item missing");
  const { refund } = store.refundOrder(shop.domain, current.id, {
    lineItems: [{ lineItemId: firstLine.id, quantity: 1 }],
    note: "Chipped",
  });
  const guest = store.createOrder(shop.domain, {
    customerId: null,
    email: "guest@example.com",
    lineItems: [{ title: "Gift Card", price: "25.00", quantity: 1 }],
  });
  const cancelled = buildOrderPayload(shop, store.cancelOrder(shop.domain, guest.id, "customer"), null);
  const orderIds = [current.id];
  return {
    "orders/create": created,
    "orders/paid": paid,
    "orders/cancelled": cancelled,
    "orders/fulfilled": fulfilled,
    "fulfillments/create": fulfillmentCreate,
    "fulfillments/update": fulfillmentUpdate,
    "refunds/create": buildRefundPayload(shop, current, refund),
    "customers/create": buildCustomerPayload(shop, customer),
    "app/uninstalled": buildShopPayload(shop),
    "customers/data_request": buildCustomerDataRequestPayload(shop, customer, orderIds, 9_901_234_567_007),
    "customers/redact": buildCustomerRedactPayload(shop, customer, orderIds),
    "shop/redact": buildShopRedactPayload(shop),
  };
}

export function fixtureFileName(topic: FixtureTopic): string {
  return `${topic.replace("/", "-")}.json`;
}
