import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

interface CheckoutAnswer {
  status: "pending" | "ready" | "none";
  coupon?: { code: string; kind: string; value: string; minimumSubtotal: string | null; endsAt: string };
}

async function checkoutCoupon(orderId: number): Promise<CheckoutAnswer> {
  const token = mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });
  const response = await fetch(`${stack.appUrl}/api/checkout/coupon?orderId=gid://shopify/OrderIdentity/${orderId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as CheckoutAnswer;
}

const couponReady = (orderId: number) =>
  waitFor(`the coupon for order ${orderId}`, async () => {
    const answer = await checkoutCoupon(orderId);
    return answer.status === "ready" ? answer : null;
  });

const couponRows = (orderId: number) =>
  stack.services.prisma.coupon.findMany({ where: { shopifyOrderId: BigInt(orderId) } });

function newCustomer(name: string) {
  return stack.sim.createCustomer(shop, {
    firstName: name,
    lastName: "Tester",
    email: `${name.toLowerCase()}@example.com`,
  });
}

describe("thank-you coupons", () => {
  test("a first order gets a personal code in Shopify; the thank-you page gets it; a later order redeems it", async () => {
    const customer = newCustomer("Rina");
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Tote", price: "40.00", quantity: 1 }],
    });
    stack.sim.payOrder(shop, order.id);
    const answer = await couponReady(order.id);
    expect(answer.coupon).toMatchObject({ kind: "percentage", value: "10", minimumSubtotal: null });
    const code = answer.coupon?.code ?? "";
    expect(code).toMatch(/^THANKS-[A-HJKMNP-Z2-9]{12}$/);
    expect(await stack.services.discounts.findByCode(shop, code)).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);

    const second = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Candle", price: "25.00", quantity: 2 }],
      discountCodes: [{ code, amount: "5.00", type: "percentage" }],
    });
    const redeemed = await waitFor("the redemption", async () => {
      const row = await stack.services.prisma.coupon.findFirst({ where: { code, status: "redeemed" } });
      return row;
    });
    expect(redeemed.redeemedOrderId).toBe(BigInt(second.id));
    expect(redeemed.redeemedRevenue?.toString()).toBe("45");
    // The second order is not a first order, so it earns no coupon of its own.
    await waitFor("the second order recorded", async () => (await checkoutCoupon(second.id)).status === "none");
  });

  test("orders/create delivered three times with two workers racing: one code in Shopify, one row", async () => {
    stack.startWorker();
    const customer = newCustomer("Dani");
    const payload = { ...paidOrderPayload(77001, customer.id, "30.00"), financial_status: "pending" };
    await Promise.all(
      [1, 2, 3].map((copy) =>
        postWebhook(stack, { shop, topic: "orders/create", payload, webhookId: `dup-create-${copy}` }),
      ),
    );
    const answer = await couponReady(77001);
    expect(await couponRows(77001)).toHaveLength(1);
    const sameCustomerCodes = stack.sim
      .discountCodes(shop)
      .filter((record) => record.code.startsWith("THANKS-") && (record.customerIds ?? []).includes(customer.id));
    expect(sameCustomerCodes.map((record) => record.code)).toEqual([answer.coupon?.code]);
  });

  test("a job queued afresh (Redis lost the first) for a code Shopify already has: TAKEN adopts it", async () => {
    const customer = newCustomer("Tomas");
    const coupon = await stack.services.repositories.coupons.createPending({
      shopId: (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0,
      shopifyOrderId: 88001n,
      customerId: null,
      shopifyCustomerId: BigInt(customer.id),
      code: "THANKS-CRASHWNDW2345",
      kind: "percentage",
      value: "10",
      minimumSubtotal: null,
      currencyCode: "USD",
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 86_400_000),
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
      firstOrder: false,
    });
    const row = await stack.services.repositories.coupons.findById(coupon.id);
    if (!row) throw new Error("the pending coupon was not written");
    const createdBeforeCrash = await stack.services.discounts.create(shop, row);
    await stack.services.couponQueue.add("issue-coupon", { couponId: coupon.id }, { jobId: `coupon-${coupon.id}` });
    const issued = await waitFor("the coupon to be issued", async () => {
      const row = await stack.services.repositories.coupons.findById(coupon.id);
      return row?.status === "issued" ? row : null;
    });
    expect(issued.shopifyDiscountId).toBe(createdBeforeCrash);
    expect(stack.logs.find((line) => line.code === coupon.code && line.discountId)?.via).toBe("taken");
    expect(stack.sim.discountCodes(shop).filter((record) => record.code === coupon.code)).toHaveLength(1);
  });

  test("Shopify created the code, our row was not written, the job retried: one code in Shopify, one row", async () => {
    const coupons = stack.services.repositories.coupons;
    const markIssued = coupons.markIssued;
    let crashed = 0;
    // The first attempt dies between Shopify's answer and our UPDATE (as a process killed there would).
    coupons.markIssued = async (id, discountId) => {
      if (crashed === 0) {
        crashed += 1;
        throw new Error("worker died before writing the coupon row");
      }
      return markIssued(id, discountId);
    };
    try {
      const customer = newCustomer("Ilse");
      const order = stack.sim.createOrder(shop, {
        customerId: customer.id,
        lineItems: [{ title: "Lamp", price: "60.00", quantity: 1 }],
      });
      const answer = await couponReady(order.id);
      expect(crashed).toBe(1);
      const rows = await couponRows(order.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "issued", code: answer.coupon?.code, attempts: 1 });
      const codesForCustomer = stack.sim
        .discountCodes(shop)
        .filter((record) => (record.customerIds ?? []).includes(customer.id));
      expect(codesForCustomer.map((record) => record.code)).toEqual([answer.coupon?.code]);
      expect(await stack.services.discounts.findByCode(shop, answer.coupon?.code ?? "")).toBe(
        rows[0]?.shopifyDiscountId,
      );
      // The retry found the code by looking it up (codeDiscountNodeByCode), not by creating a second one.
      const issuedLine = stack.logs.find((line) => line.code === answer.coupon?.code && line.discountId);
      expect(issuedLine?.via).toBe("lookup");
    } finally {
      coupons.markIssued = markIssued;
    }
  });

  test("userErrors end as a recorded failure after one attempt, not a retry storm", async () => {
    // A customer Shopify does not know: discountCodeBasicCreate answers with a userError.
    const payload = { ...paidOrderPayload(99001, 123456789, "30.00"), financial_status: "pending" };
    await postWebhook(stack, { shop, topic: "orders/create", payload });
    const failed = await waitFor("the coupon to fail", async () => {
      const [row] = await couponRows(99001);
      return row?.status === "failed" ? row : null;
    });
    expect(failed.lastError).toMatch(/customer/i);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [after] = await couponRows(99001);
    expect(after?.attempts).toBe(1);
    expect((await checkoutCoupon(99001)).status).toBe("none");
  });

  test("throttled by Shopify: jobs wait for the bucket and all succeed", async () => {
    stack.sim.setRateLimits(shop, { maximumAvailable: 25, restoreRate: 20 });
    const orders = ["Ana", "Ben", "Cai", "Dee", "Eko", "Fay"].map((name) => {
      const customer = newCustomer(name);
      return stack.sim.createOrder(shop, {
        customerId: customer.id,
        lineItems: [{ title: "Mug", price: "12.00", quantity: 1 }],
      });
    });
    for (const order of orders) await couponReady(order.id);
    const rows = await stack.services.prisma.coupon.findMany({
      where: { shopifyOrderId: { in: orders.map((order) => BigInt(order.id)) } },
    });
    expect(rows.map((row) => row.status)).toEqual(orders.map(() => "issued"));
    expect(stack.logs.some((line) => line.msg.includes("throttled coupon creation"))).toBe(true);
    stack.sim.setRateLimits(shop, { maximumAvailable: 2000, restoreRate: 100 });
  });
});
