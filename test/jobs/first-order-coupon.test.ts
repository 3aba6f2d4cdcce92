import { confirmFirstOrder } from "../../server/domain/coupons/confirm-first-order.js";
import { checkoutStatus as checkoutStatusOf } from "../support/checkout-status.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

const checkoutStatus = (orderId: number) => checkoutStatusOf(stack, shop, orderId);

const customerCodes = (customerId: number) =>
  stack.sim.discountCodes(shop).filter((record) => (record.customerIds ?? []).includes(customerId));

function newCustomer(name: string) {
  return stack.sim.createCustomer(shop, {
    firstName: name,
    lastName: "Buyer",
    email: `${name.toLowerCase()}@example.com`,
  });
}

const lineItems = [{ title: "Scarf", price: "35.00", quantity: 1 }];

describe("first-order coupons are confirmed with Shopify", () => {
  test("a customer with an order Afterglow never saw (history not imported) gets no first-order code", async () => {
    const customer = newCustomer("Wulan");
    // Placed before Afterglow was installed, and never imported: only Shopify knows it.
    stack.sim.store.createOrder(shop, { customerId: customer.id, lineItems });
    const order = stack.sim.createOrder(shop, { customerId: customer.id, lineItems });
    await stack.sim.settle();
    await waitFor("the order's answer to settle on none", async () => (await checkoutStatus(order.id)) === "none");
    expect(await stack.services.prisma.coupon.count({ where: { shopifyOrderId: BigInt(order.id) } })).toBe(0);
    expect(customerCodes(customer.id)).toEqual([]);
    const withdrawn = stack.logs.find((line) => line.msg.includes("withdrawn") && String(line.reason).includes("2"));
    expect(withdrawn?.reason).toMatch(/Shopify counts 2 orders/);
  });

  test("two first orders of a new customer race (later one processed first): only the earlier gets a code", async () => {
    const customer = newCustomer("Bayu");
    stack.sim.holdDeliveries();
    const earlier = stack.sim.createOrder(shop, { customerId: customer.id, lineItems });
    const later = stack.sim.createOrder(shop, { customerId: customer.id, lineItems });
    await stack.sim.releaseDeliveries({ order: "reverse" });
    await stack.sim.settle();
    await waitFor("the earlier order's code", async () => (await checkoutStatus(earlier.id)) === "ready");
    await waitFor("the later order to have none", async () => (await checkoutStatus(later.id)) === "none");
    const rows = await stack.services.prisma.coupon.findMany({
      where: { customer: { shopifyCustomerId: BigInt(customer.id) } },
    });
    expect(rows.map((row) => [row.shopifyOrderId, row.status])).toEqual([[BigInt(earlier.id), "issued"]]);
    expect(customerCodes(customer.id).map((record) => record.code)).toEqual([rows[0]?.code]);
    const claims = await stack.services.prisma.firstOrderCoupon.findMany({
      where: { shopifyCustomerId: BigInt(customer.id) },
    });
    expect(claims.map((claim) => claim.shopifyOrderId)).toEqual([BigInt(earlier.id)]);
  });

  test("when Shopify cannot tell two first orders apart, the unique key still lets only one through", async () => {
    const customer = newCustomer("Sari");
    const shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
    const coupon = (orderId: bigint) => ({
      shopId,
      shopifyOrderId: orderId,
      shopifyCustomerId: BigInt(customer.id),
      firstOrder: true,
    });
    // Both confirmations see "first" (search lagging behind both orders); both claim at the same moment.
    const deps = {
      history: async () => ({ numberOfOrders: 2, oldestOrderId: null }),
      claim: stack.services.repositories.coupons.claimFirstOrder,
    };
    const verdicts = await Promise.all(
      [7_700_001n, 7_700_002n, 7_700_003n].map((orderId) => confirmFirstOrder(deps, shop, coupon(orderId))),
    );
    expect(verdicts.filter((verdict) => verdict.first)).toHaveLength(1);
    expect(verdicts.filter((verdict) => !verdict.first)).toHaveLength(2);
    // The holder asking again (a retry of its job) is still let through.
    const holder = [7_700_001n, 7_700_002n, 7_700_003n][verdicts.findIndex((verdict) => verdict.first)] ?? 0n;
    expect(await confirmFirstOrder(deps, shop, coupon(holder))).toEqual({ first: true });
  });
});
