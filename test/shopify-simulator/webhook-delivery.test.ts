// Proves webhook delivery behaves like Shopify's: signatures the library accepts, retries, timeouts, duplicates, reordering.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import {
  createShopifySimulator,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { startWebhookReceiver, type WebhookReceiver, type Responder } from "./webhook-receiver.js";

const apiKey = "sim-test-key";
const apiSecret = "sim-test-secret";
const shopDomain = "demo-shop.myshopify.com";

const shopify = shopifyApi({
  apiKey,
  apiSecretKey: apiSecret,
  apiVersion: ApiVersion.October26,
  hostName: "127.0.0.1",
  hostScheme: "http",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

let receiver: WebhookReceiver;
let sim: ShopifySimulator;

async function start(respond: Responder, options: { deliveryTimeoutMs?: number } = {}): Promise<void> {
  receiver = await startWebhookReceiver(respond);
  sim = await createShopifySimulator({
    apiKey,
    apiSecret,
    appUrl: receiver.url,
    retryDelaysMs: [5, 10, 20],
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 2000,
  });
  sim.createShop({ domain: shopDomain, name: "Demo Shop" });
}

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

test("a delivered webhook validates with shopify.webhooks.validate and a tampered body does not", async () => {
  const results: { valid: boolean; tampered: boolean; topic?: string }[] = [];
  await start(async (request, _i, { req, res }) => {
    const ok = await shopify.webhooks.validate({ rawBody: request.body, rawRequest: req, rawResponse: res });
    const bad = await shopify.webhooks.validate({
      rawBody: request.body.replace("Demo", "Evil"),
      rawRequest: req,
      rawResponse: res,
    });
    results.push({ valid: ok.valid, tampered: bad.valid, topic: ok.valid ? ok.topic : undefined });
    return 200;
  });
  sim.sendWebhook(shopDomain, "orders/create", { id: 1, name: "Demo order" });
  await sim.settle();
  expect(results).toEqual([{ valid: true, tampered: false, topic: "ORDERS_CREATE" }]);
  const headers = receiver.requests[0]?.headers ?? {};
  expect(headers["x-shopify-api-version"]).toBe("2026-10");
  expect(headers["x-shopify-shop-domain"]).toBe(shopDomain);
  expect(receiver.requests[0]?.path).toBe("/api/webhooks");
});

test("a receiver answering 500 twice then 200 gets three attempts with the same webhook id", async () => {
  await start((_r, index) => (index < 2 ? 500 : 200));
  const [record] = sim.sendWebhook(shopDomain, "orders/paid", { id: 2 });
  await sim.settle();
  expect(receiver.requests).toHaveLength(3);
  expect(new Set(receiver.requests.map((r) => r.headers["x-shopify-webhook-id"]))).toEqual(
    new Set([record?.webhookId]),
  );
  const log = sim.deliveries();
  expect(log).toHaveLength(1);
  expect(log[0]?.state).toBe("delivered");
  expect(log[0]?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
});

test("a redirect counts as a failed delivery", async () => {
  await start((_r, index) => (index === 0 ? 302 : 200));
  sim.sendWebhook(shopDomain, "orders/paid", { id: 3 });
  await sim.settle();
  expect(sim.deliveries()[0]?.attempts.map((a) => a.statusCode)).toEqual([302, 200]);
});

test("a receiver that never answers within the timeout is retried", async () => {
  await start((_r, index) => (index === 0 ? "hang" : 200), { deliveryTimeoutMs: 150 });
  sim.sendWebhook(shopDomain, "orders/paid", { id: 4 });
  await sim.settle();
  const [record] = sim.deliveries();
  expect(record?.attempts[0]).toMatchObject({ statusCode: null, timedOut: true });
  expect(record?.attempts[1]).toMatchObject({ statusCode: 200, timedOut: false });
  expect(receiver.requests.map((r) => r.headers["x-shopify-webhook-id"])).toEqual([
    record?.webhookId,
    record?.webhookId,
  ]);
});

test("a delivery failing every time is given up after 8 retries", async () => {
  await start(() => 503);
  sim.sendWebhook(shopDomain, "orders/paid", { id: 5 });
  await sim.settle();
  expect(receiver.requests).toHaveLength(9);
  expect(sim.deliveries()[0]?.state).toBe("failed");
});

test("duplicates=2 gives three requests carrying one webhook id", async () => {
  await start(() => 200);
  sim.sendWebhook(shopDomain, "orders/create", { id: 6 }, { duplicates: 2 });
  await sim.settle();
  expect(receiver.requests).toHaveLength(3);
  expect(new Set(receiver.requests.map((r) => r.headers["x-shopify-webhook-id"])).size).toBe(1);
});

test("held deliveries released in reverse arrive in reverse", async () => {
  await start(() => 200);
  sim.holdDeliveries();
  for (const id of [1, 2, 3, 4]) sim.sendWebhook(shopDomain, "orders/updated", { id });
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(receiver.requests).toHaveLength(0);
  await sim.releaseDeliveries({ order: "reverse" });
  await sim.settle();
  expect(receiver.requests.map((r) => (JSON.parse(r.body) as { id: number }).id)).toEqual([4, 3, 2, 1]);
});

test("a seeded shuffle releases in the same order every time", async () => {
  await start(() => 200);
  const orders: number[][] = [];
  for (let round = 0; round < 2; round++) {
    receiver.requests.length = 0;
    sim.holdDeliveries();
    for (const id of [1, 2, 3, 4, 5, 6]) sim.sendWebhook(shopDomain, "orders/updated", { id });
    await sim.releaseDeliveries({ order: "shuffle", seed: 42 });
    await sim.settle();
    orders.push(receiver.requests.map((r) => (JSON.parse(r.body) as { id: number }).id));
  }
  expect(orders[0]).toEqual(orders[1]);
  expect(orders[0]).not.toEqual([1, 2, 3, 4, 5, 6]);
});

test("the delivery log is served at GET /_simulator/deliveries", async () => {
  await start(() => 200);
  sim.sendWebhook(shopDomain, "orders/create", { id: 7 });
  await sim.settle();
  const response = await fetch(`${sim.url}/_simulator/deliveries`);
  const body = (await response.json()) as { topic: string; shop: string; state: string; attempts: unknown[] }[];
  expect(body).toMatchObject([{ topic: "orders/create", shop: shopDomain, state: "delivered" }]);
  expect(body[0]?.attempts).toHaveLength(1);
});
