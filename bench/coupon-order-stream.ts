// Signed orders/create webhooks for the coupon benchmark: each order a first order by its own simulator customer.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const fixturePath = fileURLToPath(new URL("../scripts/shopify-simulator/fixtures/orders-create.json", import.meta.url));

export interface BenchShopCustomers {
  domain: string;
  customerIds: number[];
}

export interface CouponOrderRequest {
  orderId: number;
  shop: string;
  customerId: number;
  headers: Record<string, string>;
  body: string;
}

/** Round-robin over the shops; every order takes a customer who has not ordered yet, so every order qualifies. */
export function createCouponOrderStream(options: {
  shops: BenchShopCustomers[];
  secret: string;
  firstOrderId: number;
}) {
  const fixture = JSON.parse(readFileSync(fixturePath, "utf8")) as Record<string, unknown> & {
    customer: Record<string, unknown>;
  };
  const used = options.shops.map(() => 0);
  let sequence = 0;
  const stream = {
    next(): CouponOrderRequest {
      const shopIndex = sequence % options.shops.length;
      const shop = options.shops[shopIndex];
      const customerId = shop?.customerIds[used[shopIndex] ?? 0];
      if (!shop || customerId === undefined) throw new Error("the benchmark ran out of first-time customers");
      used[shopIndex] = (used[shopIndex] ?? 0) + 1;
      const orderId = options.firstOrderId + sequence;
      sequence += 1;
      const now = new Date().toISOString();
      const body = JSON.stringify({
        ...fixture,
        id: orderId,
        name: `#B${orderId}`,
        created_at: now,
        updated_at: now,
        email: `c${customerId}@example.com`,
        customer: { ...fixture.customer, id: customerId, email: `c${customerId}@example.com` },
      });
      return {
        orderId,
        shop: shop.domain,
        customerId,
        body,
        headers: {
          "content-type": "application/json",
          "x-shopify-hmac-sha256": createHmac("sha256", options.secret).update(body, "utf8").digest("base64"),
          "x-shopify-topic": "orders/create",
          "x-shopify-shop-domain": shop.domain,
          "x-shopify-api-version": "2026-10",
          "x-shopify-webhook-id": randomUUID(),
          "x-shopify-event-id": randomUUID(),
          "x-shopify-triggered-at": now,
        },
      };
    },
  };
  return {
    ...stream,
    /**
     * Signs `count` requests now and hands them out before signing more: JSON and HMAC of a 15 KB body per request
     * would otherwise spend the load generator's CPU, which shares the machine with the app, during the measurement.
     */
    presigned(count: number) {
      const ready = Array.from({ length: Math.ceil(count) }, () => stream.next());
      let index = 0;
      return { next: () => ready[index++] ?? stream.next() };
    },
  };
}
