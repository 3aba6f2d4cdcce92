// Produces distinct, correctly signed orders/paid requests cheaply, from the simulator's payload fixture.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const fixturePath = fileURLToPath(new URL("../scripts/shopify-simulator/fixtures/orders-paid.json", import.meta.url));

export interface SignedOrderRequest {
  orderId: number;
  headers: Record<string, string>;
  body: string;
}

const markers = { orderId: "111111111111111", customerId: "222222222222222", subtotal: '"333.33"' } as const;
type Marker = keyof typeof markers;

/** About 15 KB like a real multi-item order: the fixture's line items repeated to eight, split around the fields that vary. */
function template(): (string | Marker)[] {
  const fixture = JSON.parse(readFileSync(fixturePath, "utf8")) as Record<string, unknown> & {
    line_items: unknown[];
    customer: Record<string, unknown>;
  };
  const items = fixture.line_items;
  while (fixture.line_items.length < 8) fixture.line_items = [...fixture.line_items, ...items];
  // Each copy gets its own line id, as Shopify's are unique within an order.
  fixture.line_items = fixture.line_items
    .slice(0, 8)
    .map((item, index) => ({ ...(item as Record<string, unknown>), id: 1_000_000 + index }));
  fixture.id = Number(markers.orderId);
  fixture.customer = { ...fixture.customer, id: Number(markers.customerId) };
  fixture.subtotal_price = "333.33";
  const json = JSON.stringify(fixture);
  const names = Object.keys(markers) as Marker[];
  const pattern = new RegExp(`(${names.map((name) => markers[name]).join("|")})`);
  return json.split(pattern).map((part) => names.find((name) => markers[name] === part) ?? part);
}

export function createSignedOrderStream(options: {
  shop: string;
  secret: string;
  customers: number;
  firstOrderId: number;
}) {
  const parts = template();
  let next = options.firstOrderId;
  const render = (values: Record<Marker, string>) =>
    parts.map((part) => (part in markers ? values[part as Marker] : part)).join("");
  return {
    next(): SignedOrderRequest {
      const orderId = next;
      next += 1;
      const customerId = 9_000_000_000 + (orderId % options.customers);
      const subtotal = `${10 + (orderId % 200)}.${String(orderId % 100).padStart(2, "0")}`;
      const body = render({ orderId: String(orderId), customerId: String(customerId), subtotal: `"${subtotal}"` });
      return {
        orderId,
        body,
        headers: {
          "content-type": "application/json",
          "x-shopify-hmac-sha256": createHmac("sha256", options.secret).update(body, "utf8").digest("base64"),
          "x-shopify-topic": "orders/paid",
          "x-shopify-shop-domain": options.shop,
          "x-shopify-api-version": "2026-10",
          "x-shopify-webhook-id": randomUUID(),
          "x-shopify-event-id": randomUUID(),
          "x-shopify-triggered-at": new Date().toISOString(),
        },
      };
    },
    bodyBytes: () => Buffer.byteLength(render({ orderId: String(next), customerId: "1", subtotal: '"1.00"' })),
  };
}
