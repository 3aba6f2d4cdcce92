import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let otherShop: string;
let shopId: number;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  otherShop = await installShop(stack, "other-shop.myshopify.com");
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  // One point per currency unit and nothing else (no first-order bonus or tiers), so the figures below add up.
  await useLoyaltySettings(stack, shop, plainEarning);
});
afterAll(() => stack.stop());

function api(path: string, init: RequestInit & { domain?: string; staff?: string } = {}) {
  const token = mintSessionToken({
    shop: init.domain ?? shop,
    apiKey: testApiKey,
    apiSecret: testApiSecret,
    userId: init.staff ?? "4201",
  });
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  if (init.body) headers.set("content-type", "application/json");
  return fetch(`${stack.appUrl}${path}`, { ...init, headers });
}

async function json<T>(response: Response, status: number): Promise<T> {
  const body: unknown = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status });
  return body as T;
}

async function addCustomer(shopifyCustomerId: number, firstName: string, lastName: string, email: string) {
  return stack.services.repositories.customers.upsert(shopId, { shopifyCustomerId, firstName, lastName, email });
}

interface ListAnswer {
  customers: { id: number; name: string; email: string; balance: number; pending: number; tier: string | null }[];
  nextCursor: string | null;
}

describe("GET /api/customers", () => {
  beforeAll(async () => {
    await addCustomer(501, "Siti", "Rahmawati", "siti.r@example.id");
    await addCustomer(502, "Juan", "Dela Cruz", "JUAN@Example.PH");
    await addCustomer(503, "Maria", "Santos", "msantos@example.ph");
    for (let i = 0; i < 7; i += 1) await addCustomer(600 + i, `Page${i}`, "Walker", `page${i}@example.com`);
  });

  test("searches names and emails, ignoring case; % and _ are literal", async () => {
    const byName = await json<ListAnswer>(await api("/api/customers?query=rahma"), 200);
    expect(byName.customers.map((c) => c.name)).toEqual(["Siti Rahmawati"]);
    const byEmail = await json<ListAnswer>(await api("/api/customers?query=juan%40example.ph"), 200);
    expect(byEmail.customers.map((c) => c.email)).toEqual(["JUAN@Example.PH"]);
    expect(byEmail.customers[0]).toMatchObject({ balance: 0, pending: 0, tier: null });
    const fullName = await json<ListAnswer>(await api("/api/customers?query=JUAN%20DELA"), 200);
    expect(fullName.customers).toHaveLength(1);
    const wildcard = await json<ListAnswer>(await api("/api/customers?query=%25"), 200);
    expect(wildcard.customers).toEqual([]);
  });

  test("pages with an opaque cursor: every customer once, newest first", async () => {
    const seen: number[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const query = `/api/customers?query=walker&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page: ListAnswer = await json<ListAnswer>(await api(query), 200);
      seen.push(...page.customers.map((c) => c.id));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect((await api("/api/customers?cursor=not-ours")).status).toBe(400);
  });

  test("another shop sees none of them", async () => {
    const answer = await json<ListAnswer>(await api("/api/customers?query=walker", { domain: otherShop }), 200);
    expect(answer.customers).toEqual([]);
  });
});

interface DetailAnswer {
  customer: { id: number; name: string; balance: number; pending: number; tier: string | null; birthday: null };
  ledger: {
    id: string;
    points: number;
    cause: string;
    status: string;
    reason: string | null;
    actor: string | null;
    actorName: string | null;
    orderName: string | null;
  }[];
}

interface AdjustmentAnswer {
  entry: { id: string; points: number; cause: string; reason: string; actor: string; createdAt: string };
  balance: number;
}

describe("one customer and staff adjustments", () => {
  let customerId: number;
  /** What the order earned and the rules made available; the adjustments below count from it. */
  let startBalance: number;

  beforeAll(async () => {
    await postWebhook(stack, { shop, topic: "orders/paid", payload: paidOrderPayload(70001, 8801, "120.00") });
    await waitFor("the order's points", () => inboxSettled(stack));
    const row = await stack.services.prisma.customer.findFirstOrThrow({ where: { shopId, shopifyCustomerId: 8801n } });
    customerId = row.id;
    startBalance = row.pointsBalance;
  });

  test("the customer with the order entry's cause and order name; another shop's customer is 404", async () => {
    const answer = await json<DetailAnswer>(await api(`/api/customers/${customerId}`), 200);
    const row = await stack.services.prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(answer.customer).toMatchObject({
      id: customerId,
      name: "Ann Lee",
      balance: row.pointsBalance,
      pending: row.pendingPoints,
      tier: row.tier,
      birthday: null,
    });
    expect(answer.ledger).toContainEqual(
      expect.objectContaining({ points: 120, cause: "order", orderName: "#1", status: expect.any(String) }),
    );
    const entries = await stack.services.prisma.ledgerEntry.count({ where: { customerId } });
    expect(answer.ledger).toHaveLength(entries);
    expect((await api(`/api/customers/${customerId}`, { domain: otherShop })).status).toBe(404);
    expect((await api("/api/customers/999999")).status).toBe(404);
    expect((await api("/api/customers/abc")).status).toBe(404);
  });

  test("a reason is required and the amount must be a whole non-zero number (422 per field)", async () => {
    const path = `/api/customers/${customerId}/adjustments`;
    const noReason = await json<{ error: { code: string; fields: Record<string, string> } }>(
      await api(path, { method: "POST", body: JSON.stringify({ points: 10, reason: "   " }) }),
      422,
    );
    expect(noReason.error.code).toBe("unprocessable");
    expect(Object.keys(noReason.error.fields)).toEqual(["reason"]);
    const badPoints = await json<{ error: { fields: Record<string, string> } }>(
      await api(path, { method: "POST", body: JSON.stringify({ points: 1.5 }) }),
      422,
    );
    expect(Object.keys(badPoints.error.fields).sort()).toEqual(["points", "reason"]);
    expect(await stack.services.prisma.ledgerEntry.count({ where: { customerId, cause: "adjustment" } })).toBe(0);
  });

  test("the staff member from the session token is the entry's actor, with the reason", async () => {
    const answer = await json<AdjustmentAnswer>(
      await api(`/api/customers/${customerId}/adjustments`, {
        method: "POST",
        staff: "77123",
        body: JSON.stringify({ points: 30, reason: "Parcel arrived late" }),
      }),
      201,
    );
    expect(answer).toMatchObject({
      entry: { points: 30, cause: "adjustment", reason: "Parcel arrived late", actor: "77123" },
      balance: startBalance + 30,
    });
    const detail = await json<DetailAnswer>(await api(`/api/customers/${customerId}`), 200);
    // Shopify's token exchange does not know user 77123: the history keeps the id and shows no name.
    expect(detail.ledger[0]).toMatchObject({
      cause: "adjustment",
      actor: "77123",
      actorName: null,
      reason: "Parcel arrived late",
    });
  });

  test("the history names the staff member as Shopify's token exchange does, asking at most once a day", async () => {
    stack.sim.addStaffMember(shop, { id: 55501, firstName: "Maria", lastName: "Reyes", email: "maria@example.com" });
    // +5 then -5: the balance the later tests count from stays as it was.
    const adjust = (points: number, reason: string) =>
      api(`/api/customers/${customerId}/adjustments`, {
        method: "POST",
        staff: "55501",
        body: JSON.stringify({ points, reason }),
      });
    expect((await adjust(5, "Birthday gift")).status).toBe(201);
    const detail = await json<DetailAnswer>(await api(`/api/customers/${customerId}`), 200);
    expect(detail.ledger[0]).toMatchObject({ actor: "55501", actorName: "Maria Reyes", reason: "Birthday gift" });
    const stored = await stack.services.prisma.staffMember.findUniqueOrThrow({
      where: { shopId_userId: { shopId, userId: "55501" } },
    });
    expect([stored.email, stored.accountOwner]).toEqual(["maria@example.com", false]);
    // Renamed in Shopify within the day: the stored name stands until it is a day old.
    stack.sim.addStaffMember(shop, { id: 55501, firstName: "Maria", lastName: "Santos", email: "maria@example.com" });
    expect((await adjust(-5, "Gift given twice")).status).toBe(201);
    const again = await json<DetailAnswer>(await api(`/api/customers/${customerId}`), 200);
    expect(again.ledger.slice(0, 2).map((entry) => entry.actorName)).toEqual(["Maria Reyes", "Maria Reyes"]);
    // Another shop's staff table is its own: the other shop never learns this name.
    expect(await stack.services.prisma.staffMember.count({ where: { userId: "55501" } })).toBe(1);
  });

  test("below zero is refused (409 negative_balance) unless allowNegative", async () => {
    const path = `/api/customers/${customerId}/adjustments`;
    const tooMuch = -(startBalance + 30 + 50);
    const refused = await json<{ error: { code: string; reason: string } }>(
      await api(path, { method: "POST", body: JSON.stringify({ points: tooMuch, reason: "Fraudulent order" }) }),
      409,
    );
    expect(refused.error).toMatchObject({ code: "conflict", reason: "negative_balance" });
    const allowed = await json<AdjustmentAnswer>(
      await api(path, {
        method: "POST",
        body: JSON.stringify({ points: tooMuch, reason: "Fraudulent order", allowNegative: true }),
      }),
      201,
    );
    expect(allowed.balance).toBe(-50);
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
  });

  test("the same Idempotency-Key twice (a double-click) adjusts once", async () => {
    const send = () =>
      api(`/api/customers/${customerId}/adjustments`, {
        method: "POST",
        headers: { "idempotency-key": "click-1" },
        body: JSON.stringify({ points: 5, reason: "Goodwill" }),
      });
    const [first, second] = await Promise.all([send(), send()]);
    const answers = [await json<AdjustmentAnswer>(first, 201), await json<AdjustmentAnswer>(second, 201)];
    expect(answers[0]?.entry.id).toBe(answers[1]?.entry.id);
    expect(await stack.services.prisma.ledgerEntry.count({ where: { customerId, reason: "Goodwill" } })).toBe(1);
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
  });
});
