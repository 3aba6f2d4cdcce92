import {
  mintCheckoutSessionToken,
  signAppProxyQuery,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop } from "../support/shop-fixtures.js";
import { plainEarning, useLoyaltySettings, useRedemptionSettings } from "../support/loyalty-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let shopId: number;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  // No account-creation points when the simulator's customers/create arrives: balances are exactly what we give.
  await useLoyaltySettings(stack, shop, plainEarning);
  await useRedemptionSettings(stack, shop, {
    enabled: true,
    pointsPerCurrencyUnit: 10,
    minimumPoints: 100,
    codeValidityDays: 30,
    expiryMonths: null,
    expiryReminderDays: 14,
  });
});
afterAll(() => stack.stop());

/** A shopper Shopify knows, with `points` available in our ledger. */
async function shopperWith(points: number, name: string) {
  const simCustomer = stack.sim.createCustomer(shop, { firstName: name, lastName: "Points", email: `${name}@ex.com` });
  const id = await stack.services.repositories.customers.upsert(shopId, { shopifyCustomerId: simCustomer.id });
  await stack.services.repositories.ledger.append({
    shopId,
    customerId: id,
    points,
    cause: "adjustment",
    idempotencyKey: `test-grant:${id}`,
    reason: "test grant",
    actor: "test",
  });
  return { id, shopifyId: simCustomer.id };
}

const balanceOf = (customerId: number) => stack.services.repositories.ledger.balanceOf(customerId);
const redeem = (shopifyId: number, body: unknown) =>
  stack.sim.appProxyRequest(shop, { path: "/redeem", customerId: shopifyId, body });

interface RedeemAnswer {
  redemption: { code: string; points: number; value: string; status: string };
  balance: number;
  message: string;
}

describe("redeeming points through the app proxy", () => {
  test("50 concurrent redemptions of one balance spend exactly what it holds", async () => {
    const shopper = await shopperWith(1000, "racer");
    const responses = await Promise.all(Array.from({ length: 50 }, () => redeem(shopper.shopifyId, { points: 100 })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(40);
    expect(await balanceOf(shopper.id)).toBe(0);
    const rows = await stack.services.prisma.redemption.findMany({ where: { customerId: shopper.id } });
    expect(rows.map((row) => row.status)).toEqual(rows.map(() => "issued"));
    expect(rows).toHaveLength(10);
    const codes = stack.sim.discountCodes(shop).filter((code) => (code.customerIds ?? []).includes(shopper.shopifyId));
    expect(codes.map((code) => code.code).sort()).toEqual(rows.map((row) => row.code).sort());
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
  });

  test("the code is worth points / rate in the shop currency and limited to the customer", async () => {
    const shopper = await shopperWith(300, "valued");
    const response = await redeem(shopper.shopifyId, { points: 255 });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: { reason: "not_a_multiple", fields: { points: expect.any(String) } },
    });
    expect((await redeem(shopper.shopifyId, { points: 50 })).status).toBe(422);
    const ok = await redeem(shopper.shopifyId, { points: 200 });
    const answer = (await ok.json()) as RedeemAnswer;
    expect(ok.status).toBe(201);
    expect(answer).toMatchObject({ redemption: { points: 200, value: "20.00", status: "issued" }, balance: 100 });
    const record = stack.sim.discountCode(shop, answer.redemption.code);
    expect(record?.customerIds).toEqual([shopper.shopifyId]);
  });

  test("a retried request with the same requestKey spends once", async () => {
    const shopper = await shopperWith(500, "doubleclick");
    const body = { points: 100, requestKey: "tap-1" };
    const answers = await Promise.all([redeem(shopper.shopifyId, body), redeem(shopper.shopifyId, body)]);
    const codes = await Promise.all(
      answers.map(async (response) => ((await response.json()) as RedeemAnswer).redemption.code),
    );
    expect(new Set(codes).size).toBe(1);
    expect(await balanceOf(shopper.id)).toBe(400);
  });

  test("Shopify refuses the code: the points come back through a compensating entry", async () => {
    // Known to us but not to Shopify: discountCodeBasicCreate answers with a userError for the customer.
    const id = await stack.services.repositories.customers.upsert(shopId, { shopifyCustomerId: 987654321 });
    await stack.services.repositories.ledger.append({
      shopId,
      customerId: id,
      points: 300,
      cause: "adjustment",
      idempotencyKey: `test-grant:${id}`,
    });
    const response = await redeem(987654321, { points: 200 });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { reason: "code_not_created", balance: 300 } });
    expect(await balanceOf(id)).toBe(300);
    const [row] = await stack.services.prisma.redemption.findMany({ where: { customerId: id } });
    expect(row?.status).toBe("refunded");
    const entries = await stack.services.prisma.ledgerEntry.findMany({
      where: { customerId: id, cause: "redemption" },
    });
    expect(entries.map((entry) => entry.points).sort((a, b) => a - b)).toEqual([-200, 200]);
  });

  test("Shopify throttles: 202 now, the job finishes it, no points lost and no second code", async () => {
    const shopper = await shopperWith(200, "patient");
    stack.sim.setRateLimits(shop, { maximumAvailable: 5, restoreRate: 5 });
    try {
      const response = await redeem(shopper.shopifyId, { points: 100 });
      expect(response.status).toBe(202);
      const answer = (await response.json()) as RedeemAnswer;
      expect(answer.redemption.status).toBe("pending");
      stack.sim.setRateLimits(shop, { maximumAvailable: 2000, restoreRate: 100 });
      const issued = await waitFor("the retried redemption", async () => {
        const row = await stack.services.prisma.redemption.findFirst({ where: { code: answer.redemption.code } });
        return row?.status === "issued" ? row : null;
      });
      expect(issued.shopifyDiscountId).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\//);
      expect(stack.sim.discountCodes(shop).filter((code) => code.code === answer.redemption.code)).toHaveLength(1);
      expect(await balanceOf(shopper.id)).toBe(100);
    } finally {
      stack.sim.setRateLimits(shop, { maximumAvailable: 2000, restoreRate: 100 });
    }
  });
});

describe("the app proxy signature", () => {
  test("a valid signature reads the signed-in customer's own points, in their language", async () => {
    const mine = await shopperWith(700, "reader");
    await shopperWith(9000, "other");
    const response = await stack.sim.appProxyRequest(shop, { path: "/points", customerId: mine.shopifyId });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ balance: 700, redemption: { minimumPoints: 100 } });
    const guest = await stack.sim.appProxyRequest(shop, { path: "/points", query: { locale: "id" } });
    expect(guest.status).toBe(401);
    expect(await guest.json()).toMatchObject({ error: { message: "Silakan masuk untuk menggunakan poin Anda." } });
  });

  test.each([
    ["another customer's id swapped in after signing", "tampered"],
    ["no signature", "missing"],
    ["signed with another secret", "secret"],
    ["a replay from ten minutes ago", "stale"],
  ])("%s: 401 and nothing spent", async (_name, kind) => {
    const victim = await shopperWith(500, `victim${kind}`);
    const attacker = await shopperWith(0, `attacker${kind}`);
    const url =
      kind === "stale"
        ? stack.sim.appProxyUrl(shop, {
            path: "/redeem",
            customerId: victim.shopifyId,
            timestamp: Math.floor(Date.now() / 1000) - 600,
          })
        : stack.sim.appProxyUrl(shop, { path: "/redeem", customerId: attacker.shopifyId });
    if (kind === "tampered") url.searchParams.set("logged_in_customer_id", String(victim.shopifyId));
    if (kind === "missing") url.searchParams.delete("signature");
    if (kind === "secret") {
      url.searchParams.set("logged_in_customer_id", String(victim.shopifyId));
      const params = Object.fromEntries([...url.searchParams].filter(([key]) => key !== "signature"));
      url.searchParams.set("signature", signAppProxyQuery(params, "not-our-secret"));
    }
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ points: 100 }),
    });
    expect(response.status).toBe(401);
    expect(await balanceOf(victim.id)).toBe(500);
  });
});

describe("redeeming from the order-status extension", () => {
  const call = (customerId: number | null, path: string, body?: unknown) =>
    fetch(`${stack.appUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${mintCheckoutSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret, customerId })}`,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  test("the token's customer sees their balance and redeems; a guest cannot", async () => {
    const shopper = await shopperWith(400, "checkout");
    expect(await (await call(shopper.shopifyId, "/api/extension/points")).json()).toMatchObject({ balance: 400 });
    const response = await call(shopper.shopifyId, "/api/extension/points/redeem", { points: 300 });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ redemption: { value: "30.00", status: "issued" }, balance: 100 });
    expect((await call(null, "/api/extension/points/redeem", { points: 100 })).status).toBe(401);
    const preflight = await fetch(`${stack.appUrl}/api/extension/points/redeem`, {
      method: "OPTIONS",
      headers: { origin: "https://extensions.shopifycdn.com" },
    });
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);
    const foreign = await fetch(`${stack.appUrl}/api/extension/points/redeem`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});
