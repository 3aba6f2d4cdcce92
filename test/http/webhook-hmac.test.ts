import { buildSignedWebhook } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, testApiSecret, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

const inboxCount = () => stack.services.prisma.webhookInbox.count();

describe("webhook HMAC", () => {
  test("a correctly signed webhook is recorded and answered 200", async () => {
    const before = await inboxCount();
    const response = await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(1001, 1, "10.00"),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: "recorded" });
    expect(await inboxCount()).toBe(before + 1);
  });

  test("a missing signature is 401 and records nothing", async () => {
    const before = await inboxCount();
    const response = await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(1002, 1, "10.00"),
      headers: { "X-Shopify-Hmac-Sha256": undefined },
    });
    expect(response.status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  test("a signature made with another secret is 401", async () => {
    const response = await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(1003, 1, "10.00"),
      secret: "not-the-app-secret",
    });
    expect(response.status).toBe(401);
  });

  test("a body changed after signing is 401", async () => {
    const signed = buildSignedWebhook({
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(1004, 1, "10.00"),
      secret: testApiSecret,
      apiVersion: "2026-10",
    });
    const tampered = signed.body.replace('"subtotal_price":"10.00"', '"subtotal_price":"9999.00"');
    expect(tampered).not.toBe(signed.body);
    const response = await fetch(`${stack.appUrl}/api/webhooks`, {
      method: "POST",
      headers: signed.headers,
      body: tampered,
    });
    expect(response.status).toBe(401);
    expect(await stack.services.prisma.webhookInbox.count({ where: { rawBody: tampered } })).toBe(0);
  });

  test("the stored body is byte for byte what was signed", async () => {
    const body = JSON.stringify(paidOrderPayload(1005, 1, "12.34"), null, 2) + "\n";
    const response = await postWebhook(stack, { shop, topic: "orders/paid", body, webhookId: "exact-bytes" });
    expect(response.status).toBe(200);
    const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({ where: { webhookId: "exact-bytes" } });
    expect(row.rawBody).toBe(body);
  });
});
