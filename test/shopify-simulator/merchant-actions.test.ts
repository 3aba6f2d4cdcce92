// Proves merchant actions emit the webhooks Shopify would, only while installed, with payloads shaped like the fixtures.
import { readFileSync } from "node:fs";
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import {
  createShopifySimulator,
  mintSessionToken,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import {
  buildFixturePayloads,
  FIXTURE_TOPICS,
  fixtureFileName,
} from "../../scripts/shopify-simulator/payloads/build-fixture-payloads.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const shopDomain = "demo-shop.myshopify.com";
let receiver: WebhookReceiver;
let sim: ShopifySimulator;

beforeEach(async () => {
  receiver = await startWebhookReceiver(() => 200);
  sim = await createShopifySimulator({ apiKey: "k", apiSecret: "s", appUrl: () => receiver.url, retryDelaysMs: [5] });
  sim.createShop({ domain: shopDomain, name: "Demo Shop" });
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

const topics = (): string[] => receiver.requests.map((r) => String(r.headers["x-shopify-topic"]));

test("nothing is delivered for a shop that has not installed the app", async () => {
  sim.createCustomer(shopDomain, { firstName: "Ann", lastName: "Lee", email: "ann@example.com" });
  await sim.settle();
  expect(receiver.requests).toHaveLength(0);
});

test("an order's life emits create, paid, fulfillment, fulfilled, update and refund webhooks", async () => {
  sim.grantAccessToken(shopDomain);
  const customer = sim.createCustomer(shopDomain, { firstName: "Ann", lastName: "Lee", email: "ann@example.com" });
  const order = sim.createOrder(shopDomain, {
    customerId: customer.id,
    lineItems: [{ title: "Mug", price: "10", quantity: 2 }],
  });
  sim.payOrder(shopDomain, order.id);
  const fulfillment = sim.fulfillOrder(shopDomain, order.id, { trackingCompany: "UPS", trackingNumber: "1Z1" });
  sim.updateFulfillmentStatus(shopDomain, fulfillment.id, "delivered");
  const lineItemId = order.lineItems[0]?.id ?? 0;
  sim.refundOrder(shopDomain, order.id, { lineItems: [{ lineItemId, quantity: 1 }] });
  await sim.settle();
  expect(topics().sort()).toEqual(
    [
      "customers/create",
      "orders/create",
      "orders/paid",
      "fulfillments/create",
      "orders/fulfilled",
      "fulfillments/update",
      "refunds/create",
    ].sort(),
  );
  const paid = receiver.requests.find((r) => r.headers["x-shopify-topic"] === "orders/paid");
  expect(JSON.parse(paid?.body ?? "{}")).toMatchObject({
    id: order.id,
    financial_status: "paid",
    total_price: "20.00",
    customer: { id: customer.id },
  });
  const fulfilledEvents = receiver.requests.filter((r) =>
    ["fulfillments/create", "orders/fulfilled"].includes(String(r.headers["x-shopify-topic"])),
  );
  expect(new Set(fulfilledEvents.map((r) => r.headers["x-shopify-event-id"])).size).toBe(1);
});

test("uninstalling sends app/uninstalled, then stops topic webhooks but not compliance ones", async () => {
  sim.grantAccessToken(shopDomain);
  sim.uninstallApp(shopDomain);
  sim.createCustomer(shopDomain, { firstName: "Bo", lastName: "Ng", email: "bo@example.com" });
  sim.redactShop(shopDomain);
  await sim.settle();
  expect(topics()).toEqual(["app/uninstalled", "shop/redact"]);
  expect(sim.isInstalled(shopDomain)).toBe(false);
});

test("every fixture file matches what the payload builders produce", () => {
  const payloads = buildFixturePayloads();
  for (const topic of FIXTURE_TOPICS) {
    const file = new URL(`../../scripts/shopify-simulator/fixtures/${fixtureFileName(topic)}`, import.meta.url);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(payloads[topic]);
  }
});

test("a minted session token decodes with shopify.session.decodeSessionToken", async () => {
  const shopify = shopifyApi({
    apiKey: "k",
    apiSecretKey: "s",
    apiVersion: ApiVersion.October26,
    hostName: "127.0.0.1",
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  const token = mintSessionToken({ shop: shopDomain, userId: 42, apiKey: "k", apiSecret: "s" });
  await expect(shopify.session.decodeSessionToken(token)).resolves.toMatchObject({
    dest: `https://${shopDomain}`,
    aud: "k",
    sub: "42",
  });
  const forged = mintSessionToken({ shop: shopDomain, apiKey: "k", apiSecret: "other" });
  await expect(shopify.session.decodeSessionToken(forged)).rejects.toThrow();
});
