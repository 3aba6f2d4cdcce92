import { defaultCouponSettings } from "../../server/domain/coupons/coupon-settings.js";
import { adminHeaders, installJakartaShop } from "../support/jakarta-shop.js";
import { fixturePayload, inboxSettled, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installJakartaShop(stack);
  const shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  // No coupons in this shop: the window must show on its own.
  await stack.services.repositories.coupons.saveSettings(shopId, { ...defaultCouponSettings, enabled: false });
  await stack.services.repositories.shippingSettings.saveSettings(shopId, {
    cutoffHour: 14,
    processingDays: 1,
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: [],
    transit: [{ name: "Express", countryCodes: ["ID"], shippingMethods: ["Express"], minDays: 1, maxDays: 2 }],
    transitOnWorkingDaysOnly: true,
  });
});
afterAll(() => stack.stop());

/** The thank-you page asks with gid://shopify/OrderIdentity/N, the order-status page with gid://shopify/Order/N. */
async function checkout(orderId: number, gid = "OrderIdentity") {
  const response = await fetch(`${stack.appUrl}/api/checkout/coupon?orderId=gid://shopify/${gid}/${orderId}`, {
    headers: adminHeaders(shop),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; delivery: { earliest: string; latest: string } | null };
}

async function paidOrder(orderId: number, shipping: Record<string, unknown>) {
  const payload = { ...paidOrderPayload(orderId, 8001, "90.00"), created_at: "2026-12-01T14:30:00+07:00", ...shipping };
  expect((await postWebhook(stack, { topic: "orders/paid", shop, payload })).status).toBe(200);
  await waitFor("the inbox to settle", () => inboxSettled(stack));
}

describe("GET /api/checkout/coupon carries the delivery window", () => {
  test("an order without a coupon gets its window: earliest and latest in the shop's zone", async () => {
    await paidOrder(920001, { shipping_address: { country_code: "ID" }, shipping_lines: [{ title: "Express" }] });
    // Tue 1 Dec 14:30 WIB is after the cut-off: ships Thu 3; express 1-2 working days: Fri 4 to Mon 7.
    expect(await checkout(920001)).toEqual({
      status: "none",
      delivery: { earliest: "2026-12-04", latest: "2026-12-07" },
    });
  });

  test("an order whose webhook has not arrived is pending, with no window yet", async () => {
    expect(await checkout(920999)).toEqual({ status: "pending", delivery: null });
  });

  test("an order that ships nothing has no window", async () => {
    await paidOrder(920002, { shipping_address: null, shipping_lines: [] });
    expect(await checkout(920002)).toEqual({ status: "none", delivery: null });
  });

  test("once the order ships, both pages show the window from the actual ship date, not the order time", async () => {
    await paidOrder(920003, { shipping_address: { country_code: "ID" }, shipping_lines: [{ title: "Express" }] });
    const promised = { earliest: "2026-12-04", latest: "2026-12-07" };
    expect((await checkout(920003)).delivery).toEqual(promised);
    // It left the warehouse late, on Mon 7 Dec: express 1-2 working days from then is Tue 8 to Wed 9.
    const shippedAt = "2026-12-07T10:00:00+07:00";
    const fulfillment = {
      ...fixturePayload("fulfillments/create"),
      id: 9200031,
      order_id: 920003,
      status: "success",
      created_at: shippedAt,
      updated_at: shippedAt,
    };
    expect((await postWebhook(stack, { topic: "fulfillments/create", shop, payload: fulfillment })).status).toBe(200);
    await waitFor("the inbox to settle", () => inboxSettled(stack));
    const honest = { earliest: "2026-12-08", latest: "2026-12-09" };
    expect((await checkout(920003)).delivery).toEqual(honest);
    expect((await checkout(920003, "Order")).delivery).toEqual(honest);
    // The order without a shipment keeps its order-time window.
    expect((await checkout(920001, "Order")).delivery).toEqual({ earliest: "2026-12-04", latest: "2026-12-07" });
  });
});
