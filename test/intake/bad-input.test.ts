import { installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

const logsSaying = (text: string) => stack.logs.filter((line) => line.msg.includes(text));

describe("bad input at intake", () => {
  test("malformed JSON with a valid signature is 400, logged, and not recorded", async () => {
    const response = await postWebhook(stack, { shop, topic: "orders/paid", body: '{"id": 12, "subtotal_price": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "bad_request", message: "Webhook body is not valid JSON" },
    });
    expect(logsSaying("body is not valid JSON")).toEqual([
      expect.objectContaining({ shop, topic: "orders/paid", webhookId: expect.any(String) }),
    ]);
    expect(await stack.services.prisma.webhookInbox.count()).toBe(0);
  });

  test("an unknown topic is 200 and logged, and not recorded", async () => {
    const response = await postWebhook(stack, { shop, topic: "products/update", payload: { id: 1 } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "ignored", reason: "unknown_topic" });
    expect(logsSaying("does not subscribe to this topic")).toEqual([
      expect.objectContaining({ topic: "products/update", shop }),
    ]);
  });

  test("an unknown shop is 200 and logged, and not recorded", async () => {
    const response = await postWebhook(stack, {
      shop: "stranger.myshopify.com",
      topic: "orders/paid",
      payload: paidOrderPayload(77, 1, "5.00"),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "ignored", reason: "unknown_shop" });
    expect(logsSaying("no shop with this domain")).toEqual([
      expect.objectContaining({ shop: "stranger.myshopify.com" }),
    ]);
    expect(await stack.services.prisma.webhookInbox.count()).toBe(0);
  });

  test("a missing required header is 400", async () => {
    const response = await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(78, 1, "5.00"),
      headers: { "X-Shopify-Webhook-Id": undefined },
    });
    expect(response.status).toBe(400);
  });

  test("none of it crashed anything: the app still answers and records good webhooks", async () => {
    expect((await fetch(`${stack.appUrl}/healthz`)).status).toBe(200);
    const response = await postWebhook(stack, { shop, topic: "orders/paid", payload: paidOrderPayload(79, 1, "5.00") });
    expect(await response.json()).toMatchObject({ kind: "recorded" });
  });

  test("the metrics count what was refused and why", async () => {
    const text = await (await fetch(`${stack.appUrl}/metrics`)).text();
    expect(text).toMatch(/afterglow_webhooks_rejected_total\{reason="malformed_body"\} 1/);
    expect(text).toMatch(/afterglow_webhooks_rejected_total\{reason="unknown_topic"\} 1/);
    expect(text).toMatch(/afterglow_webhooks_rejected_total\{reason="unknown_shop"\} 1/);
    expect(text).toMatch(/afterglow_webhooks_received_total\{topic="orders\/paid"\} 1/);
  });
});
