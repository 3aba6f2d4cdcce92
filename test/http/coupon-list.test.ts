import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

interface ListedCoupon {
  id: number;
  code: string;
  status: string;
  orderId: string;
  orderName: string | null;
  customer: { id: number; name: string | null; email: string | null } | null;
  kind: string;
  value: string;
  currencyCode: string;
  minimumSubtotal: string | null;
  endsAt: string;
  redeemedAt: string | null;
  redeemedOrderName: string | null;
  revenue: string | null;
  lastError: string | null;
}

interface CouponList {
  coupons: ListedCoupon[];
  nextCursor: string | null;
  summary: { issued: number; redeemed: number; expired: number; failed: number; revenue: string; currencyCode: string };
}

let stack: TestStack;
let shopA: string;
let shopB: string;
const codes: Record<string, string> = {};
const orderNames: Record<string, string> = {};

const tokenFor = (shop: string) => mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });

async function list(shop: string, query = ""): Promise<CouponList> {
  const response = await fetch(`${stack.appUrl}/api/coupons${query}`, {
    headers: { authorization: `Bearer ${tokenFor(shop)}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as CouponList;
}

/** A first order placed in the simulator; resolves once the worker has issued its coupon in Shopify. */
async function firstOrderWithCoupon(shop: string, name: string, price: string) {
  const customer = stack.sim.createCustomer(shop, { firstName: name, lastName: "Lista", email: `${name}@example.com` });
  const order = stack.sim.createOrder(shop, {
    customerId: customer.id,
    lineItems: [{ title: "Tote", price, quantity: 1 }],
  });
  const coupon = await waitFor(`${name}'s coupon`, async () => {
    const row = await stack.services.prisma.coupon.findFirst({ where: { shopifyOrderId: BigInt(order.id) } });
    return row?.status === "issued" ? row : null;
  });
  codes[name] = coupon.code;
  orderNames[name] = `#${order.orderNumber}`;
  return { customer, order, coupon };
}

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shopA = await installShop(stack, "list-a.myshopify.com");
  shopB = await installShop(stack, "list-b.myshopify.com");

  // Redeemed: Rina's code is used on her next order (2 x 25.00 less 5.00 = 45.00 of revenue).
  const rina = await firstOrderWithCoupon(shopA, "rina", "40.00");
  const again = stack.sim.createOrder(shopA, {
    customerId: rina.customer.id,
    lineItems: [{ title: "Candle", price: "25.00", quantity: 2 }],
    discountCodes: [{ code: rina.coupon.code, amount: "5.00", type: "fixed_amount" }],
  });
  orderNames.rinaAgain = `#${again.orderNumber}`;
  await waitFor("the redemption", () =>
    stack.services.prisma.coupon.findFirst({ where: { code: rina.coupon.code, status: "redeemed" } }),
  );
  // Expired: issued, and its end date has passed since.
  const sol = await firstOrderWithCoupon(shopA, "sol", "30.00");
  await stack.services.prisma.coupon.update({
    where: { id: sol.coupon.id },
    data: { endsAt: new Date(Date.now() - 60_000) },
  });
  // Issued and still valid.
  await firstOrderWithCoupon(shopA, "tala", "50.00");
  // Failed (Shopify refused it) and pending (its job has not run): rows as the issue job leaves them.
  const base = { shopId: sol.coupon.shopId, customerId: null, kind: "percentage" as const, value: "10" };
  const common = { ...base, currencyCode: "USD", startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000) };
  await stack.services.prisma.coupon.create({
    data: {
      ...common,
      shopifyOrderId: 990001n,
      code: "THANKS-FAILEDCODE1",
      status: "failed",
      lastError: "Code is too long",
      combinesWith: {},
    },
  });
  await stack.services.prisma.coupon.create({
    data: { ...common, shopifyOrderId: 990002n, code: "THANKS-PENDINGCOD", status: "pending", combinesWith: {} },
  });
  // Another shop's coupon, which shop A must never see.
  await firstOrderWithCoupon(shopB, "bea", "70.00");
}, 60_000);
afterAll(() => stack.stop());

describe("GET /api/coupons", () => {
  test("lists the shop's coupons newest first, with status, customer, orders, revenue and the shop's totals", async () => {
    const body = await list(shopA);
    expect(body.summary).toEqual({
      issued: 1,
      redeemed: 1,
      expired: 1,
      failed: 1,
      revenue: "45.00",
      currencyCode: "USD",
    });
    expect(body.coupons.map((coupon) => coupon.status)).toEqual(["pending", "failed", "issued", "expired", "redeemed"]);
    expect(body.nextCursor).toBeNull();
    const ids = body.coupons.map((coupon) => coupon.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const redeemed = body.coupons.find((coupon) => coupon.status === "redeemed");
    expect(redeemed).toMatchObject({
      code: codes.rina,
      orderName: orderNames.rina,
      customer: { name: "rina Lista", email: "rina@example.com" },
      kind: "percentage",
      value: "10.00",
      currencyCode: "USD",
      minimumSubtotal: null,
      redeemedOrderName: orderNames.rinaAgain,
      revenue: "45.00",
      lastError: null,
    });
    expect(new Date(redeemed?.redeemedAt ?? "").getTime()).not.toBeNaN();
    const failed = body.coupons.find((coupon) => coupon.status === "failed");
    expect(failed).toMatchObject({ code: "THANKS-FAILEDCODE1", customer: null, lastError: "Code is too long" });
    expect(failed?.revenue).toBeNull();
  });

  test.each([
    ["issued", "tala"],
    ["expired", "sol"],
    ["redeemed", "rina"],
  ])("status=%s lists only those coupons", async (status, owner) => {
    const body = await list(shopA, `?status=${status}`);
    expect(body.coupons.map((coupon) => coupon.code)).toEqual([codes[owner]]);
  });

  test.each([
    ["failed", "THANKS-FAILEDCODE1"],
    ["pending", "THANKS-PENDINGCOD"],
  ])("status=%s lists only those coupons", async (status, code) => {
    const body = await list(shopA, `?status=${status}`);
    expect(body.coupons.map((coupon) => coupon.code)).toEqual([code]);
  });

  test("pages with an opaque cursor: every coupon once, then no cursor", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const body = await list(shopA, query);
      expect(body.coupons.length).toBeLessThanOrEqual(2);
      seen.push(...body.coupons.map((coupon) => coupon.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    const all = (await list(shopA)).coupons.map((coupon) => coupon.id);
    expect(seen).toEqual(all);
  });

  test("another shop's token sees only that shop's coupons and totals", async () => {
    const body = await list(shopB);
    expect(body.coupons.map((coupon) => coupon.code)).toEqual([codes.bea]);
    expect(body.summary).toEqual({
      issued: 1,
      redeemed: 0,
      expired: 0,
      failed: 0,
      revenue: "0.00",
      currencyCode: "USD",
    });
    const mine = new Set((await list(shopA)).coupons.map((coupon) => coupon.code));
    expect(mine.has(codes.bea ?? "")).toBe(false);
  });

  test.each([
    ["missing", undefined],
    ["expired", "expired"],
  ])("%s token: 401", async (_name, kind) => {
    const expired = mintSessionToken({
      shop: shopA,
      apiKey: testApiKey,
      apiSecret: testApiSecret,
      issuedAt: Math.floor(Date.now() / 1000) - 3600,
    });
    const response = await fetch(`${stack.appUrl}/api/coupons`, {
      headers: kind ? { authorization: `Bearer ${expired}` } : {},
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  test("a status, limit or cursor it does not know: 422 naming the field", async () => {
    const ask = (query: string) =>
      fetch(`${stack.appUrl}/api/coupons${query}`, { headers: { authorization: `Bearer ${tokenFor(shopA)}` } });
    const status = await ask("?status=lost");
    expect(status.status).toBe(422);
    expect(await status.json()).toMatchObject({
      error: { code: "unprocessable", fields: { status: expect.any(String) } },
    });
    const limit = await ask("?limit=0");
    expect(await limit.json()).toMatchObject({ error: { fields: { limit: expect.any(String) } } });
    const cursor = await ask("?cursor=not-ours");
    expect(cursor.status).toBe(422);
    expect(await cursor.json()).toMatchObject({ error: { fields: { cursor: expect.any(String) } } });
  });
});
