import { checkoutStatus as checkoutStatusOf } from "../support/checkout-status.js";
import { installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  // The install's history import refreshes every customer's facts when it ends; that must not blur what is measured.
  await waitFor("the install's history import", () =>
    stack.services.prisma.historyImport.findFirst({ where: { status: "completed" } }),
  );
});
afterEach(() => stack.services.queue.resume());
afterAll(() => stack.stop());

const checkoutStatus = (orderId: number) => checkoutStatusOf(stack, shop, orderId);

const inboxStatus = async (orderId: number) =>
  (
    await stack.services.prisma.webhookInbox.findFirst({
      where: { topic: "orders/create", rawBody: { contains: `"id":${orderId},` } },
      select: { status: true },
    })
  )?.status;

describe("thank-you jobs come before the rest of an order's work", () => {
  test("with every other queue held, the thank-you job alone makes the code ready; the full job later adds the rest once", async () => {
    await stack.services.queue.pause();
    const customer = stack.sim.createCustomer(shop, {
      firstName: "Intan",
      lastName: "Buyer",
      email: "intan@example.com",
    });
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Batik scarf", price: "45.00", quantity: 1 }],
    });
    await stack.sim.settle();
    await waitFor("the code to be ready at checkout", async () => (await checkoutStatus(order.id)) === "ready");

    // Ready while the order's own webhook job has not run: no email, no points, no analytics facts yet.
    expect(await inboxStatus(order.id)).toBe("received");
    const customerRow = await stack.services.prisma.customer.findFirstOrThrow({
      where: { shopifyCustomerId: BigInt(customer.id) },
    });
    expect(await stack.services.prisma.order.count({ where: { shopifyOrderId: BigInt(order.id) } })).toBe(1);
    expect(await stack.services.prisma.customerFirstOrder.count({ where: { customerId: customerRow.id } })).toBe(0);
    expect(await stack.services.prisma.emailOutbox.count({ where: { shopifyOrderId: BigInt(order.id) } })).toBe(0);

    await stack.services.queue.resume();
    await waitFor("the order's webhook job", async () => (await inboxStatus(order.id)) === "completed");
    const codes = stack.sim.discountCodes(shop).filter((code) => (code.customerIds ?? []).includes(customer.id));
    const coupons = await stack.services.prisma.coupon.findMany({ where: { shopifyOrderId: BigInt(order.id) } });
    expect(coupons.map((coupon) => [coupon.code, coupon.status])).toEqual([[codes[0]?.code, "issued"]]);
    expect(codes).toHaveLength(1);
    const facts = await stack.services.prisma.customerFirstOrder.findUnique({ where: { customerId: customerRow.id } });
    expect(facts?.orderedAt).toBeInstanceOf(Date);
  });

  test("an order the intake cannot read as an order gets no thank-you job; its webhook job records why", async () => {
    const payload = { ...paidOrderPayload(990_001, 4242, "12.00"), subtotal_price: "twelve" };
    const response = await postWebhook(stack, { shop, topic: "orders/create", payload });
    const answer = (await response.json()) as { kind: string; inboxId?: string };
    expect(answer.kind).toBe("recorded");
    await waitFor("the webhook job to give up", async () => {
      const row = await stack.services.prisma.webhookInbox.findUnique({ where: { id: BigInt(answer.inboxId ?? 0) } });
      return row?.status === "failed" ? row : null;
    }).then((row) => expect(row.lastError).toMatch(/order payload invalid/));
    expect(await stack.services.thankYouQueue.getJob(`thank-you-${answer.inboxId}`)).toBeUndefined();
  });
});
