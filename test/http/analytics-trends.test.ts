import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

let stack: TestStack;
let domain: string;
let shopId: number;
const ids = new Map<string, number>();

/*
 * A shop in UTC; the period under test is August to October 2026, month by month. Customers P, Q, R, S; guests.
 *   p0 P 2025-12-10 100.00   before the period: P returns in it
 *   r0 R 2025-09-15  20.00   active on 1 Aug and 1 Sep (under 365 days old), lapsed by 1 Oct
 *   p1 P 2026-08-05  50.00   repeat
 *   q1 Q 2026-08-20  40.00   Q's first
 *   q2 Q 2026-08-25  60.00   repeat in the same month
 *   (September: no orders at all)
 *   p2 P 2026-10-10  30.00   repeat
 *   s1 S 2026-10-05 110.00   30.00 refunded: net 80.00; S's first
 *   g1 guest 2026-10-07 70.00
 *   g2 guest 2026-10-20 40.00   refunded in full: counts as an order worth 0.00
 * Active (an order in the 365 days before): 1 Aug P, R = 2; 1 Sep P, Q, R = 3; 1 Oct P, Q = 2; 1 Nov P, Q, S = 3.
 */
const orders: [string, string | null, string, string, string?][] = [
  ["p0", "P", "2025-12-10T10:00:00Z", "100.00"],
  ["r0", "R", "2025-09-15T10:00:00Z", "20.00"],
  ["p1", "P", "2026-08-05T10:00:00Z", "50.00"],
  ["q1", "Q", "2026-08-20T10:00:00Z", "40.00"],
  ["q2", "Q", "2026-08-25T10:00:00Z", "60.00"],
  ["p2", "P", "2026-10-10T10:00:00Z", "30.00"],
  ["s1", "S", "2026-10-05T10:00:00Z", "110.00", "partially_refunded"],
  ["g1", null, "2026-10-07T10:00:00Z", "70.00"],
  ["g2", null, "2026-10-20T10:00:00Z", "40.00", "refunded"],
];
const orderNumber = (name: string) => 9000 + orders.findIndex(([key]) => key === name);

async function seed(): Promise<void> {
  const { prisma } = stack.services;
  for (const [index, letter] of ["P", "Q", "R", "S"].entries()) {
    const customer = await prisma.customer.create({
      data: { shopId, shopifyCustomerId: BigInt(900 + index), email: `${letter}@example.com` },
    });
    ids.set(letter, customer.id);
  }
  for (const [name, letter, at, subtotal, status] of orders) {
    await prisma.order.create({
      data: {
        shopId,
        shopifyOrderId: BigInt(orderNumber(name)),
        customerId: letter ? ids.get(letter) : null,
        name,
        subtotalPrice: subtotal,
        financialStatus: status ?? "paid",
        shopifyCreatedAt: new Date(at),
        shopifyUpdatedAt: new Date(at),
      },
    });
  }
  await prisma.loyaltyRefund.create({
    data: {
      shopId,
      shopifyRefundId: 77n,
      shopifyOrderId: BigInt(orderNumber("s1")),
      subtotal: "30.00",
      refundedAt: new Date("2026-10-06T00:00:00Z"),
    },
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  domain = await installShop(stack, "trend-shop.myshopify.com");
  const shop = await stack.services.prisma.shop.update({ where: { domain }, data: { ianaTimezone: "UTC" } });
  shopId = shop.id;
  await seed();
});
afterAll(() => stack.stop());

const get = (path: string) =>
  fetch(`${stack.appUrl}/api/analytics/${path}`, {
    headers: adminHeaders(domain),
  });
const quarter = "from=2026-08-01&to=2026-10-31";
interface Point {
  month: string;
  from: string;
  to: string;
  value: unknown;
  reason?: string;
  parts: Record<string, unknown>;
}
const measure = async (name: string, query = quarter) => {
  const response = await get(`${name}?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { value: unknown; parts: Record<string, unknown>; series?: Point[] };
};
const values = (series: Point[] | undefined) => series?.map((point) => [point.month, point.value]);

describe("trend series: each month of August to October 2026 worked by hand", () => {
  test("retention: Aug (E 3 - N Q 1) / S 2 = 100; Sep (2 - 0) / 3 = 66.7; Oct (3 - S 1) / 2 = 100; whole (3 - 2) / 2", async () => {
    const body = await measure("customer-retention-rate");
    expect(body).toMatchObject({ value: 50, parts: { customersAtStart: 2, customersAtEnd: 3, newCustomers: 2 } });
    expect(values(body.series)).toEqual([
      ["2026-08", 100],
      ["2026-09", 66.7],
      ["2026-10", 100],
    ]);
    expect(body.series?.[1]).toMatchObject({
      from: "2026-09-01",
      to: "2026-09-30",
      parts: { customersAtStart: 3, customersAtEnd: 2, newCustomers: 0 },
    });
  });

  test("repeat purchase rate: Aug p1 q2 of p1 q1 q2 = 66.7; Sep no orders; Oct p2 of p2 s1 = 50 (guests left out)", async () => {
    const body = await measure("repeat-purchase-rate");
    expect(body.value).toBe(60);
    expect(values(body.series)).toEqual([
      ["2026-08", 66.7],
      ["2026-09", null],
      ["2026-10", 50],
    ]);
    expect(body.series?.[1]).toMatchObject({ reason: "not enough data", parts: { customerOrders: 0 } });
  });

  test("returning customer rate: Aug P of P, Q = 50; Sep not enough data; Oct P of P, S = 50; whole P of P, Q, S", async () => {
    const body = await measure("returning-customer-rate");
    expect(body.value).toBe(33.3);
    expect(values(body.series)).toEqual([
      ["2026-08", 50],
      ["2026-09", null],
      ["2026-10", 50],
    ]);
  });

  test("AOV net of refunds with guest orders: Aug 150 / 3 = 50.00; Oct (30 + 80 + 70 + 0) / 4 = 45.00", async () => {
    const body = await measure("average-order-value");
    expect(body).toMatchObject({ value: "47.14", parts: { orders: 7, netRevenue: "330.00" } });
    expect(values(body.series)).toEqual([
      ["2026-08", "50.00"],
      ["2026-09", null],
      ["2026-10", "45.00"],
    ]);
    expect(body.series?.[2]?.parts).toEqual({ orders: 4, netRevenue: "180.00" });
  });

  test("a period cut mid-month: its first and last months hold only the period's days", async () => {
    const body = await measure("average-order-value", "from=2026-08-21&to=2026-10-06");
    expect(body.series?.map((point) => [point.from, point.to, point.value])).toEqual([
      ["2026-08-21", "2026-08-31", "60.00"],
      ["2026-09-01", "2026-09-30", null],
      ["2026-10-01", "2026-10-06", "80.00"],
    ]);
  });

  test("CSV export: the whole period first, then one row per month", async () => {
    const text = await (await get(`repeat-purchase-rate?${quarter}&format=csv`)).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("measure,from,to,month,value,unit,reason,repeatOrders,customerOrders,definition");
    expect(lines.slice(1, 5).map((line) => line.split(",").slice(0, 9).join(","))).toEqual([
      "repeat-purchase-rate,2026-08-01,2026-10-31,total,60,percent,,3,5",
      "repeat-purchase-rate,2026-08-01,2026-08-31,2026-08,66.7,percent,,2,3",
      "repeat-purchase-rate,2026-09-01,2026-09-30,2026-09,,percent,not enough data,0,0",
      "repeat-purchase-rate,2026-10-01,2026-10-31,2026-10,50,percent,,1,2",
    ]);
  });
});

describe("the precomputed first orders follow every write", () => {
  test("cancelling P's December order makes p1 P's first: August repeats drop to q2 alone; restoring it undoes that", async () => {
    const { prisma } = stack.services;
    const p0 = { shopId_shopifyOrderId: { shopId, shopifyOrderId: BigInt(orderNumber("p0")) } };
    await prisma.order.update({ where: p0, data: { cancelledAt: new Date("2025-12-11T00:00:00Z") } });
    const cancelled = await measure("repeat-purchase-rate");
    expect(cancelled.series?.[0]).toMatchObject({ value: 33.3, parts: { repeatOrders: 1, customerOrders: 3 } });
    // P was active on 1 August only through that order: R alone is left at the start.
    expect((await measure("customer-retention-rate")).series?.[0]?.parts).toMatchObject({ customersAtStart: 1 });
    await prisma.order.update({ where: p0, data: { cancelledAt: null } });
    expect((await measure("repeat-purchase-rate")).series?.[0]).toMatchObject({ value: 66.7 });
  });

  test("an order moved to another customer and one deleted update both customers", async () => {
    const { prisma } = stack.services;
    const q1 = { shopId_shopifyOrderId: { shopId, shopifyOrderId: BigInt(orderNumber("q1")) } };
    // q1 becomes S's: S's first order is now in August, so October's s1 is a repeat and S is returning.
    await prisma.order.update({ where: q1, data: { customerId: ids.get("S") } });
    expect((await measure("returning-customer-rate")).series?.[2]).toMatchObject({ value: 100 });
    await prisma.order.update({ where: q1, data: { customerId: ids.get("Q") } });
    expect((await measure("returning-customer-rate")).series?.[2]).toMatchObject({ value: 50 });
    const first = await prisma.customerFirstOrder.findUniqueOrThrow({ where: { customerId: ids.get("Q") } });
    const q1Row = await prisma.order.findUniqueOrThrow({ where: q1 });
    expect(first.orderId).toBe(q1Row.id);
    // R comes back in September (R's second order, so a repeat), which keeps R active on 1 October; then it is deleted.
    const r1 = await prisma.order.create({
      data: {
        shopId,
        shopifyOrderId: 9100n,
        customerId: ids.get("R"),
        subtotalPrice: "20.00",
        financialStatus: "paid",
        shopifyCreatedAt: new Date("2026-09-10T10:00:00Z"),
      },
    });
    const back = await measure("customer-retention-rate");
    expect(back.series?.[1]?.parts).toMatchObject({ customersAtEnd: 3, newCustomers: 0 });
    expect((await measure("repeat-purchase-rate")).series?.[1]).toMatchObject({ value: 100 });
    await prisma.order.delete({ where: { id: r1.id } });
    expect((await measure("repeat-purchase-rate")).series?.[1]).toMatchObject({ value: null });
    expect((await measure("customer-retention-rate")).series?.[1]?.parts).toMatchObject({ customersAtEnd: 2 });
  });
});

describe("loyalty trends", () => {
  beforeAll(async () => {
    const { prisma } = stack.services;
    const coupon = (n: number, createdAt: string, redeemed?: [string, string]) =>
      prisma.coupon.create({
        data: {
          shopId,
          shopifyOrderId: BigInt(9500 + n),
          code: `TREND-${n}`,
          status: redeemed ? "redeemed" : "issued",
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
    // k1 issued in August, redeemed in September for 25.00; k2 issued in October, unused.
    await coupon(1, "2026-08-10T10:00:00Z", ["2026-09-12T10:00:00Z", "25.00"]);
    await coupon(2, "2026-10-03T10:00:00Z");
    const entry = (letter: string, points: number, at: string, status: "available" | "pending" = "available") =>
      prisma.ledgerEntry.create({
        data: {
          shopId,
          customerId: ids.get(letter) ?? 0,
          points,
          cause: points < 0 ? "redemption" : "adjustment",
          status,
          idempotencyKey: `trend:${letter}:${at}`,
          createdAt: new Date(at),
        },
      });
    // R 30 in July; P 200 in August; Q 100 in September; P spends 250 in October (-50: owed nothing); Q 40 pending.
    await entry("R", 30, "2026-07-01T10:00:00Z");
    await entry("P", 200, "2026-08-10T10:00:00Z");
    await entry("Q", 100, "2026-09-03T10:00:00Z");
    await entry("P", -250, "2026-10-02T10:00:00Z");
    await entry("Q", 40, "2026-10-04T10:00:00Z", "pending");
  });

  test("coupon redemption rate by month of issue: Aug 1 of 1 = 100; Sep none issued; Oct 0 of 1 = 0", async () => {
    const body = await measure("coupon-redemption-rate");
    expect(body.value).toBe(50);
    expect(values(body.series)).toEqual([
      ["2026-08", 100],
      ["2026-09", null],
      ["2026-10", 0],
    ]);
    expect(values((await measure("coupon-revenue")).series)).toEqual([
      ["2026-08", "0.00"],
      ["2026-09", "25.00"],
      ["2026-10", "0.00"],
    ]);
  });

  test("points at each month's end: Aug 30 + 200; Sep + 100; Oct P at -50 counts 0, pending left out", async () => {
    expect(values((await measure("points-outstanding")).series)).toEqual([
      ["2026-08", 230],
      ["2026-09", 330],
      ["2026-10", 130],
    ]);
    const liability = await measure("points-liability");
    expect(values(liability.series)).toEqual([
      ["2026-08", "2.30"],
      ["2026-09", "3.30"],
      ["2026-10", "1.30"],
    ]);
    expect(liability.series?.[2]?.parts).toEqual({ availablePoints: 130, pointsPerCurrencyUnit: 100 });
  });

  test("NPS carries its months as a series too, empty months included", async () => {
    const body = await measure("nps");
    expect(body.series?.map((point) => [point.month, point.value, point.parts])).toEqual([
      ["2026-08", null, { responses: 0 }],
      ["2026-09", null, { responses: 0 }],
      ["2026-10", null, { responses: 0 }],
    ]);
  });
});
