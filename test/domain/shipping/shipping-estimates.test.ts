import { orderPayloadSchema } from "../../../server/domain/orders/order-payload.js";
import { orderForEstimate } from "../../../server/domain/shipping/shipping-estimates.js";
import { installJakartaShop } from "../../support/jakarta-shop.js";
import { inboxSettled, paidOrderPayload, postWebhook } from "../../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let shopId: number;

const rows = [
  { name: "Indonesia express", countryCodes: ["ID"], shippingMethods: ["Express"], minDays: 1, maxDays: 2 },
  { name: "Everywhere", countryCodes: [], shippingMethods: [], minDays: 3, maxDays: 6 },
];

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installJakartaShop(stack);
  const row = await stack.services.repositories.shops.findByDomain(shop);
  shopId = row?.id ?? 0;
  await stack.services.repositories.shippingSettings.saveSettings(shopId, {
    cutoffHour: 14,
    processingDays: 1,
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: ["2026-12-25"],
    transit: rows,
    transitOnWorkingDaysOnly: true,
  });
});
afterAll(() => stack.stop());

/** A paid order placed Tue 1 Dec 2026 14:30 in Jakarta (after the cut-off), shipping as given. */
function jakartaOrder(orderId: number, shipping: Record<string, unknown>) {
  return {
    ...paidOrderPayload(orderId, 7001, "120.00"),
    created_at: "2026-12-01T14:30:00+07:00",
    ...shipping,
  };
}

async function deliver(payload: Record<string, unknown>) {
  const response = await postWebhook(stack, { topic: "orders/paid", shop, payload });
  expect(response.status).toBe(200);
  await waitFor("the inbox to settle", () => inboxSettled(stack));
}

describe("estimateForOrder and the orders we record", () => {
  test("an order's webhook stores where and how it ships, and its window follows the shop's rows and zone", async () => {
    const payload = jakartaOrder(910001, {
      shipping_address: { country_code: "ID", country: "Indonesia" },
      shipping_lines: [{ title: "Express", price: "20000" }],
    });
    await deliver(payload);
    const stored = await stack.services.prisma.order.findFirst({ where: { shopifyOrderId: 910001n } });
    expect(stored).toMatchObject({ shippingCountryCode: "ID", shippingMethod: "Express" });

    // 14:30 WIB is after the cut-off: counts from Wed 2, ships Thu 3; express 1-2 working days: Fri 4 to Mon 7.
    const expected = { shipBy: "2026-12-03", earliest: "2026-12-04", latest: "2026-12-07" };
    expect(await stack.services.shipping.estimateForRecordedOrder(shopId, 910001n)).toEqual(expected);
    const fromPayload = orderForEstimate(orderPayloadSchema.parse(payload));
    expect(fromPayload).toEqual({
      createdAt: "2026-12-01T14:30:00+07:00",
      countryCode: "ID",
      shippingMethod: "Express",
    });
    expect(await stack.services.shipping.estimateForOrder(shopId, fromPayload ?? { createdAt: "" })).toEqual(expected);
  });

  test("another method falls to the catch-all row", async () => {
    await deliver(
      jakartaOrder(910002, { shipping_address: { country_code: "ID" }, shipping_lines: [{ title: "Reguler" }] }),
    );
    // Ships Thu 3; working days after it: Fri 4, Mon 7, Tue 8 (3rd), Wed 9, Thu 10, Fri 11 (6th).
    expect(await stack.services.shipping.estimateForRecordedOrder(shopId, 910002n)).toEqual({
      shipBy: "2026-12-03",
      earliest: "2026-12-08",
      latest: "2026-12-11",
    });
  });

  test("once shipped, the window is counted from the ship date, across the shop's holiday", async () => {
    // Shipped Wed 23 Dec 20:00 WIB; working days after it: Thu 24, (Fri 25 off) Mon 28, Tue 29 (3rd),
    // Wed 30, Thu 31, Fri 1 Jan (6th).
    const window = await stack.services.shipping.estimateForShipment(shopId, {
      shippedAt: "2026-12-23T13:00:00Z",
      countryCode: "ID",
      shippingMethod: "Reguler",
    });
    expect(window).toEqual({ shipBy: "2026-12-23", earliest: "2026-12-29", latest: "2027-01-01" });
  });

  test("an order that ships nothing has no window; an unknown order has none yet", async () => {
    await deliver(jakartaOrder(910003, { shipping_address: null, shipping_lines: [] }));
    expect(await stack.services.prisma.order.count({ where: { shopifyOrderId: 910003n } })).toBe(1);
    expect(await stack.services.shipping.estimateForRecordedOrder(shopId, 910003n)).toBeNull();
    expect(
      orderForEstimate(orderPayloadSchema.parse(jakartaOrder(1, { shipping_address: null, shipping_lines: [] }))),
    ).toBeNull();
    expect(await stack.services.shipping.estimateForRecordedOrder(shopId, 999999n)).toBeNull();
  });

  test("a shop that does not exist is an error, not a guess", async () => {
    await expect(stack.services.shipping.estimateForOrder(987654, { createdAt: new Date() })).rejects.toThrow(
      /no shop 987654/,
    );
  });
});
