// Signed webhooks for the emails benchmark: each order's life as Shopify tells it, in en, id and fil, guests included.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchShopCustomers } from "./coupon-order-stream.js";

const fixture = (topic: string) =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../scripts/shopify-simulator/fixtures/${topic}.json`, import.meta.url)),
      "utf8",
    ),
  ) as Record<string, unknown> & { customer: Record<string, unknown> };

export interface SignedWebhook {
  shop: string;
  topic: string;
  headers: Record<string, string>;
  body: string;
}

/** The order's life, one step at a time: placed, paid, shipped, out for delivery, delivered. */
export const lifeSteps = [
  "orders/create",
  "orders/paid",
  "fulfillments/create",
  "out_for_delivery",
  "delivered",
] as const;

const locales = ["en-US", "id-ID", "fil"] as const;

interface BenchOrder {
  id: number;
  shop: string;
  customerId: number | null;
  email: string;
  locale: string;
}

function sign(shop: string, topic: string, payload: unknown, secret: string): SignedWebhook {
  const body = JSON.stringify(payload);
  const now = new Date().toISOString();
  return {
    shop,
    topic,
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-10",
      "x-shopify-webhook-id": randomUUID(),
      "x-shopify-event-id": randomUUID(),
      "x-shopify-triggered-at": now,
    },
  };
}

function orderPayload(base: Record<string, unknown>, order: BenchOrder, customer: Record<string, unknown>) {
  const now = new Date().toISOString();
  return {
    ...base,
    id: order.id,
    name: `#E${order.id}`,
    created_at: now,
    updated_at: now,
    email: order.email,
    contact_email: order.email,
    customer_locale: order.locale,
    customer: order.customerId === null ? null : { ...customer, id: order.customerId, email: order.email },
  };
}

function fulfillmentPayload(base: Record<string, unknown>, order: BenchOrder, shipmentStatus: string | null) {
  const now = new Date().toISOString();
  return {
    ...base,
    id: order.id + 1,
    order_id: order.id,
    name: `#E${order.id}.1`,
    status: "success",
    email: order.email,
    created_at: now,
    updated_at: now,
    tracking_company: "DHL",
    tracking_number: `JD${order.id}`,
    tracking_numbers: [`JD${order.id}`],
    tracking_url: `https://www.dhl.com/en/express/tracking.html?AWB=JD${order.id}`,
    shipment_status: shipmentStatus,
  };
}

/** Round-robin over the shops; three orders in four by a first-time customer of the simulator, one by a guest. */
export function createEmailEventStream(options: { shops: BenchShopCustomers[]; secret: string; firstOrderId: number }) {
  const fixtures = {
    create: fixture("orders-create"),
    paid: fixture("orders-paid"),
    fulfillment: fixture("fulfillments-create"),
  };
  const used = options.shops.map(() => 0);
  let sequence = 0;
  return {
    newOrder(): BenchOrder {
      const shopIndex = sequence % options.shops.length;
      const shop = options.shops[shopIndex];
      if (!shop) throw new Error("the benchmark has no shops");
      const guest = sequence % 4 === 3;
      const customerId = guest ? null : (shop.customerIds[used[shopIndex] ?? 0] ?? null);
      if (!guest && customerId === null) throw new Error("the benchmark ran out of first-time customers");
      if (!guest) used[shopIndex] = (used[shopIndex] ?? 0) + 1;
      const id = options.firstOrderId + sequence;
      const locale = locales[sequence % locales.length] ?? "en";
      sequence += 1;
      const email = guest ? `guest-${id}@example.com` : `bench-${shopIndex}-${customerId}@example.com`;
      return { id, shop: shop.domain, customerId, email, locale };
    },
    /** The signed webhook for one step of the order's life. */
    step(order: BenchOrder, step: (typeof lifeSteps)[number]): SignedWebhook {
      const { secret } = options;
      if (step === "orders/create")
        return sign(order.shop, step, orderPayload(fixtures.create, order, fixtures.create.customer), secret);
      if (step === "orders/paid")
        return sign(order.shop, step, orderPayload(fixtures.paid, order, fixtures.paid.customer), secret);
      if (step === "fulfillments/create")
        return sign(order.shop, step, fulfillmentPayload(fixtures.fulfillment, order, null), secret);
      return sign(order.shop, "fulfillments/update", fulfillmentPayload(fixtures.fulfillment, order, step), secret);
    },
  };
}

export type EmailEventStream = ReturnType<typeof createEmailEventStream>;
export type { BenchOrder };
