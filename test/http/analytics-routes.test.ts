import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

let stack: TestStack;
let domain: string;

/*
 * A shop in UTC; the period under test is October 2026. Customers A..G, one guest.
 *   o1  A  2026-03-10  100.00
 *   o2  B  2025-06-01   50.00   (more than 365 days before 1 October: B is not active at the start)
 *   o3  C  2026-09-20   80.00   cancelled: never counts, so C's first order is o6
 *   o4  D  2025-10-20   40.00   active at the start, lapsed by the end
 *   o13 G  2025-10-15   25.00   active at the start, lapsed by the end
 *   o5  A  2026-10-05   60.00   repeat (o1)
 *   o6  C  2026-10-06   30.00   C's first
 *   o7  C  2026-10-20   70.00   repeat (o6)
 *   o8  E  2026-10-10  200.00   50.00 refunded: net 150.00
 *   o9  guest 2026-10-12 90.00
 *   o10 B  2026-10-15   20.00   repeat (o2)
 *   o11 F  2026-10-31 23:00  10.00  voided: never counts
 *   o12 A  2026-11-01 00:00  999.00  after the period
 */
const orders: [number, string | null, string, string, { cancelled?: boolean; status?: string }?][] = [
  [1, "A", "2026-03-10T10:00:00Z", "100.00"],
  [2, "B", "2025-06-01T10:00:00Z", "50.00"],
  [3, "C", "2026-09-20T10:00:00Z", "80.00", { cancelled: true }],
  [4, "D", "2025-10-20T10:00:00Z", "40.00"],
  [13, "G", "2025-10-15T10:00:00Z", "25.00"],
  [5, "A", "2026-10-05T10:00:00Z", "60.00"],
  [6, "C", "2026-10-06T10:00:00Z", "30.00"],
  [7, "C", "2026-10-20T10:00:00Z", "70.00"],
  [8, "E", "2026-10-10T10:00:00Z", "200.00", { status: "partially_refunded" }],
  [9, null, "2026-10-12T10:00:00Z", "90.00"],
  [10, "B", "2026-10-15T10:00:00Z", "20.00"],
  [11, "F", "2026-10-31T23:00:00Z", "10.00", { status: "voided" }],
  [12, "A", "2026-11-01T00:00:00Z", "999.00"],
];

beforeAll(async () => {
  stack = await startTestStack();
  domain = await installShop(stack);
  const { prisma } = stack.services;
  const shop = await prisma.shop.update({ where: { domain }, data: { ianaTimezone: "UTC" } });
  const ids = new Map<string, number>();
  for (const [index, letter] of ["A", "B", "C", "D", "E", "F", "G"].entries()) {
    const customer = await prisma.customer.create({
      data: { shopId: shop.id, shopifyCustomerId: BigInt(700 + index), email: `${letter}@example.com` },
    });
    ids.set(letter, customer.id);
  }
  for (const [number, letter, at, subtotal, flags] of orders) {
    await prisma.order.create({
      data: {
        shopId: shop.id,
        shopifyOrderId: BigInt(5000 + number),
        customerId: letter ? ids.get(letter) : null,
        name: `#${number}`,
        subtotalPrice: subtotal,
        financialStatus: flags?.status ?? "paid",
        cancelledAt: flags?.cancelled ? new Date(at) : null,
        shopifyCreatedAt: new Date(at),
        shopifyUpdatedAt: new Date(at),
      },
    });
  }
  await prisma.loyaltyRefund.create({
    data: {
      shopId: shop.id,
      shopifyRefundId: 1n,
      shopifyOrderId: 5008n,
      subtotal: "50.00",
      refundedAt: new Date("2026-10-11T00:00:00Z"),
    },
  });
  // Coupons: c1 issued 5 Oct and redeemed 20 Oct (70.00); c2 issued 6 Oct, unused; c3 failed (never issued);
  // c4 issued in September, redeemed 15 Oct (20.00).
  const coupon = (
    n: number,
    createdAt: string,
    status: "issued" | "redeemed" | "failed",
    redeemed?: [string, string],
  ) =>
    prisma.coupon.create({
      data: {
        shopId: shop.id,
        shopifyOrderId: BigInt(8000 + n),
        code: `THANKS-${n}`,
        status,
        kind: "percentage",
        value: "10",
        currencyCode: "USD",
        startsAt: new Date(createdAt),
        endsAt: new Date("2027-01-01T00:00:00Z"),
        combinesWith: {},
        createdAt: new Date(createdAt),
        redeemedAt: redeemed ? new Date(redeemed[0]) : null,
        redeemedRevenue: redeemed?.[1] ?? null,
      },
    });
  await coupon(1, "2026-10-05T11:00:00Z", "redeemed", ["2026-10-20T10:00:00Z", "70.00"]);
  await coupon(2, "2026-10-06T11:00:00Z", "issued");
  await coupon(3, "2026-10-10T11:00:00Z", "failed");
  await coupon(4, "2026-09-01T11:00:00Z", "redeemed", ["2026-10-15T10:00:00Z", "20.00"]);
  // Points: A holds 500, B is at -30 after a clawback (owed to nobody), C holds 250 and 100 pending.
  await prisma.customer.update({ where: { id: ids.get("A") }, data: { pointsBalance: 500 } });
  await prisma.customer.update({ where: { id: ids.get("B") }, data: { pointsBalance: -30 } });
  await prisma.customer.update({ where: { id: ids.get("C") }, data: { pointsBalance: 250, pendingPoints: 100 } });
});
afterAll(() => stack.stop());

const get = (path: string) =>
  fetch(`${stack.appUrl}/api/analytics/${path}`, {
    headers: adminHeaders(domain),
  });
const october = "from=2026-10-01&to=2026-10-31";
const measure = async (name: string, query = october) => {
  const response = await get(`${name}?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { value: unknown; reason?: string; parts: Record<string, unknown> };
};

describe("GET /api/analytics/:measure for October 2026, worked by hand", () => {
  test("retention: active at start A, D, G = 3; at end A, B, C, E = 4; new C, E = 2 -> (4 - 2) / 3 = 66.7%", async () => {
    const body = await measure("customer-retention-rate");
    expect(body).toMatchObject({
      value: 66.7,
      unit: "percent",
      definition: expect.stringContaining("new customers acquired"),
      from: "2026-10-01",
      to: "2026-10-31",
      parts: { customersAtStart: 3, customersAtEnd: 4, newCustomers: 2 },
    });
  });

  test("repeat purchase rate: customer orders o5 o6 o7 o8 o10 (guest o9 left out); repeats o5 o7 o10 -> 3/5", async () => {
    expect(await measure("repeat-purchase-rate")).toMatchObject({
      value: 60,
      parts: { repeatOrders: 3, customerOrders: 5 },
    });
  });

  test("returning customer rate: A, B of A, B, C, E ordered before October (C's earlier order was cancelled) -> 50%", async () => {
    expect(await measure("returning-customer-rate")).toMatchObject({
      value: 50,
      parts: { returningCustomers: 2, customersOrdering: 4 },
    });
  });

  test("purchase frequency: 5 customer orders / 4 customers = 1.25", async () => {
    expect(await measure("purchase-frequency")).toMatchObject({ value: 1.25 });
  });

  test("average order value: net 60 + 30 + 70 + 150 + 90 (guest) + 20 = 420.00 over 6 orders = 70.00", async () => {
    expect(await measure("average-order-value")).toMatchObject({
      value: "70.00",
      unit: "money",
      parts: { orders: 6, netRevenue: "420.00" },
    });
  });

  test("CLV: 70.00 x 1.25 / churn (1 - 2/3) = 262.50", async () => {
    expect(await measure("customer-lifetime-value")).toMatchObject({ value: "262.50", parts: { lifespanPeriods: 3 } });
  });

  test("RFM: A R1 F1 M2 lost; E R2 F1 M4 and B R3 F1 M1 hibernating; C R4 F4 M3 loyal", async () => {
    const body = await measure("rfm-segments");
    expect(body.value).toBe(4);
    expect(body.parts.segments).toEqual([
      { segment: "champions", customers: 0, share: 0, revenue: "0.00" },
      { segment: "loyal", customers: 1, share: 25, revenue: "100.00" },
      { segment: "at_risk", customers: 0, share: 0, revenue: "0.00" },
      { segment: "hibernating", customers: 2, share: 50, revenue: "170.00" },
      { segment: "lost", customers: 1, share: 25, revenue: "60.00" },
      { segment: "new", customers: 0, share: 0, revenue: "0.00" },
    ]);
  });

  test("top 20% of 4 customers is ceil(0.8) = 1 (E, 150.00) of 330.00 = 45.5%", async () => {
    expect(await measure("top-customer-revenue-share")).toMatchObject({
      value: 45.5,
      parts: { customers: 4, topCustomers: 1, topRevenue: "150.00", totalRevenue: "330.00" },
    });
  });

  test("coupons: c1, c2 issued in October, c1 redeemed -> 50%; redeemed in October c1 70 + c4 20 = 90.00", async () => {
    expect(await measure("coupon-redemption-rate")).toMatchObject({ value: 50, parts: { issued: 2, redeemed: 1 } });
    expect(await measure("coupon-revenue")).toMatchObject({ value: "90.00", parts: { redemptions: 2 } });
  });

  test("points: 500 + 250 spendable (B's -30 owes nothing), 100 pending; at the default 100 a unit: 7.50", async () => {
    expect(await measure("points-outstanding")).toMatchObject({
      value: 750,
      parts: { pendingPoints: 100, customersWithPoints: 2 },
    });
    expect(await measure("points-liability")).toMatchObject({
      value: "7.50",
      parts: { pointsPerCurrencyUnit: 100, pendingValue: "1.00", rateSource: expect.stringContaining("default") },
    });
  });
});

describe("empty periods, the summary, CSV and bad input", () => {
  test("January 2020 has no orders: every period measure is null with 'not enough data', nothing divides by zero", async () => {
    const response = await get("summary?from=2020-01-01&to=2020-01-31");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { measures: { measure: string; value: unknown; reason?: string }[] };
    const byName = new Map(body.measures.map((item) => [item.measure, item]));
    for (const name of [
      "customer-retention-rate",
      "repeat-purchase-rate",
      "returning-customer-rate",
      "purchase-frequency",
      "average-order-value",
      "customer-lifetime-value",
      "nps",
      "coupon-redemption-rate",
      "coupon-revenue",
      "rfm-segments",
      "top-customer-revenue-share",
    ]) {
      expect(byName.get(name)).toMatchObject({ value: null, reason: expect.stringContaining("not enough data") });
    }
    // Points are a balance now, not a flow: the same in any period.
    expect(byName.get("points-outstanding")).toMatchObject({ value: 750 });
  });

  test("the summary for October repeats the single routes' answers, each with its definition", async () => {
    const body = (await (await get(`summary?${october}`)).json()) as {
      groundRules: string;
      measures: { measure: string; value: unknown; definition: string }[];
    };
    expect(body.groundRules).toContain("Guest orders");
    expect(body.measures.find((item) => item.measure === "average-order-value")?.value).toBe("70.00");
    expect(body.measures.find((item) => item.measure === "repeat-purchase-rate")?.value).toBe(60);
    expect(body.measures.every((item) => item.definition.length > 20)).toBe(true);
  });

  test("definitions come in Indonesian and Filipino too", async () => {
    expect(await measure("purchase-frequency", `${october}&language=id`)).toMatchObject({
      definition: expect.stringContaining("Pesanan pelanggan"),
    });
    expect(await measure("purchase-frequency", `${october}&language=fil`)).toMatchObject({
      definition: expect.stringContaining("order ng customer"),
    });
  });

  test("CSV export: a download named after the measure and period, definition quoted because it holds commas", async () => {
    const response = await get(`customer-lifetime-value?${october}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?customer-lifetime-value_2026-10-01_2026-10-31\.csv"?$/,
    );
    const [header, row] = (await response.text()).split("\r\n");
    expect(header).toBe(
      "measure,from,to,value,unit,reason,averageOrderValue,purchaseFrequency,retentionRate,lifespanPeriods,definition",
    );
    expect(row).toMatch(/^customer-lifetime-value,2026-10-01,2026-10-31,262\.50,money,,70\.00,1\.25,66\.7,3,"Average/);
  });

  test("CSV of RFM segments: one row per segment", async () => {
    const text = await (await get(`rfm-segments?${october}&format=csv`)).text();
    expect(text.split("\r\n")).toEqual([
      "measure,from,to,segment,customers,share,revenue",
      "rfm-segments,2026-10-01,2026-10-31,champions,0,0,0.00",
      "rfm-segments,2026-10-01,2026-10-31,loyal,1,25,100.00",
      "rfm-segments,2026-10-01,2026-10-31,at_risk,0,0,0.00",
      "rfm-segments,2026-10-01,2026-10-31,hibernating,2,50,170.00",
      "rfm-segments,2026-10-01,2026-10-31,lost,1,25,60.00",
      "rfm-segments,2026-10-01,2026-10-31,new,0,0,0.00",
      "",
    ]);
  });

  test("an unknown measure is 404, a reversed period 422 naming the field, no token 401", async () => {
    expect((await get("happiness")).status).toBe(404);
    const reversed = await get("average-order-value?from=2026-12-01&to=2026-11-01");
    expect(reversed.status).toBe(422);
    expect(await reversed.json()).toMatchObject({ error: { fields: { from: expect.any(String) } } });
    expect((await fetch(`${stack.appUrl}/api/analytics/summary`)).status).toBe(401);
  });
});
