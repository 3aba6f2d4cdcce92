import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { fixturePayload, inboxSettled, installShop, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let otherShop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  otherShop = await installShop(stack, "other-shop.myshopify.com");
});
afterAll(() => stack.stop());

function api(path: string, as: string, init: RequestInit = {}) {
  const token = mintSessionToken({ shop: as, userId: "42", apiKey: testApiKey, apiSecret: testApiSecret });
  const headers = { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) };
  return fetch(`${stack.appUrl}${path}`, { ...init, headers });
}

interface ActivityBody {
  webhooks: {
    id: string;
    topic: string;
    status: string;
    lastError: string | null;
    outcome: string | null;
    attempts: number;
  }[];
  failures: { kind: string; id: string; error: string | null }[];
  queue: Record<string, number>;
}

async function activity(as: string, query = "", language?: string): Promise<ActivityBody> {
  const response = await api(`/api/activity${query}`, as, language ? { headers: { "accept-language": language } } : {});
  expect(response.status).toBe(200);
  return (await response.json()) as ActivityBody;
}

describe("GET /api/activity and retrying a failed webhook", () => {
  let rowId: string;

  beforeAll(async () => {
    const customer = { ...fixturePayload("customers/create"), id: 5550001, email: "retry@example.com" };
    const response = await postWebhook(stack, {
      topic: "customers/create",
      shop,
      payload: customer,
      webhookId: "wh-retry",
    });
    expect(response.status).toBe(200);
    await waitFor("the webhook to be processed", () => inboxSettled(stack));
    const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({ where: { webhookId: "wh-retry" } });
    rowId = row.id.toString();
    // As a final failed attempt leaves it: failed, with the error, for a person to retry.
    await stack.services.prisma.webhookInbox.update({
      where: { id: row.id },
      data: { status: "failed", lastError: "Shopify was unreachable", outcome: null },
    });
  });

  test("lists the shop's recent webhooks, its failures, and the queue's depth", async () => {
    const body = await activity(shop);
    expect(body.webhooks).toContainEqual(
      expect.objectContaining({
        id: rowId,
        topic: "customers/create",
        status: "failed",
        lastError: "Shopify was unreachable",
      }),
    );
    expect(body.failures).toContainEqual(
      expect.objectContaining({ kind: "webhook", id: rowId, error: "Shopify was unreachable" }),
    );
    expect(Object.keys(body.queue).sort()).toEqual(["active", "delayed", "failed", "waiting"]);
    const failedOnly = await activity(shop, "?status=failed");
    expect(failedOnly.webhooks.map((row) => row.status)).toEqual(["failed"]);
  });

  test("another shop sees none of it and cannot retry it", async () => {
    const body = await activity(otherShop);
    expect(body.webhooks).toEqual([]);
    expect(body.failures).toEqual([]);
    const retry = await api(`/api/activity/webhooks/${rowId}/retry`, otherShop, { method: "POST" });
    expect(retry.status).toBe(404);
  });

  test("a retry re-enqueues the row and the worker completes it", async () => {
    const retry = await api(`/api/activity/webhooks/${rowId}/retry`, shop, { method: "POST" });
    expect(retry.status).toBe(202);
    const row = await waitFor("the retried row to complete", async () => {
      const found = await stack.services.prisma.webhookInbox.findUniqueOrThrow({ where: { id: BigInt(rowId) } });
      return found.status === "completed" ? found : null;
    });
    expect(row.lastError).toBeNull();
    expect(row.attempts).toBe(2);
    const again = await api(`/api/activity/webhooks/${rowId}/retry`, shop, { method: "POST" });
    expect(again.status).toBe(409);
  });

  test("an id that is not a number is not found", async () => {
    const response = await api("/api/activity/webhooks/abc/retry", shop, { method: "POST" });
    expect(response.status).toBe(404);
  });

  test("in Indonesian or Filipino, the worker's outcome reads in the admin's language", async () => {
    const customer = { ...fixturePayload("customers/create"), id: 5550002, email: "lang@example.com" };
    await postWebhook(stack, { topic: "customers/create", shop, payload: customer, webhookId: "wh-lang" });
    await waitFor("the webhook to be processed", () => inboxSettled(stack));
    const english = await activity(shop, "?status=completed");
    const row = english.webhooks.find((webhook) => webhook.outcome?.startsWith("customer 5550002 recorded"));
    expect(row).toBeDefined();
    const indonesian = await activity(shop, "", "id-ID,id;q=0.9");
    expect(indonesian.webhooks.find((webhook) => webhook.id === row?.id)?.outcome).toMatch(
      /^pelanggan 5550002 dicatat; /,
    );
    const filipino = await activity(shop, "", "fil");
    expect(filipino.webhooks.find((webhook) => webhook.id === row?.id)?.outcome).toMatch(
      /^naitala ang customer 5550002; /,
    );
  });
});
