import {
  inboxSettled,
  installShop,
  ledgerEntriesForOrder,
  paidOrderPayload,
  postWebhook,
} from "../support/shop-fixtures.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  await useLoyaltySettings(stack, shop, plainEarning);
});
afterAll(() => stack.stop());

describe("duplicate orders/paid", () => {
  test("the same webhook delivered three times awards points once", async () => {
    const payload = paidOrderPayload(5001, 901, "42.50");
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await postWebhook(stack, { shop, topic: "orders/paid", payload, webhookId: "same-delivery" });
      expect(response.status).toBe(200);
      outcomes.push(((await response.json()) as { kind: string }).kind);
    }
    expect(outcomes).toEqual(["recorded", "duplicate", "duplicate"]);
    await waitFor("processing", () => inboxSettled(stack));
    const entries = await ledgerEntriesForOrder(stack, 5001);
    expect(entries.map((entry) => entry.points)).toEqual([42]);
    const customer = await stack.services.prisma.customer.findFirstOrThrow({ where: { shopifyCustomerId: 901n } });
    expect(customer.pendingPoints).toBe(42);
  });

  test("the simulator's duplicate deliveries of a real checkout award points once", async () => {
    const customer = stack.sim.createCustomer(shop, { firstName: "Ana", lastName: "Reyes", email: "ana@example.ph" });
    stack.sim.setDuplicates(2);
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Mug", price: "15.00", quantity: 2 }],
    });
    stack.sim.payOrder(shop, order.id);
    stack.sim.setDuplicates(0);
    await stack.sim.settle();
    const paidDeliveries = stack.sim.deliveries().filter((d) => d.topic === "orders/paid" && d.shop === shop);
    const webhookId = paidDeliveries.at(-1)?.webhookId;
    expect(paidDeliveries.filter((d) => d.webhookId === webhookId && d.state === "delivered")).toHaveLength(3);
    await waitFor("processing", () => inboxSettled(stack));
    expect((await ledgerEntriesForOrder(stack, order.id)).map((entry) => entry.points)).toEqual([30]);
  });

  test("distinct deliveries of one order (orders/create then orders/paid, both paid) award once", async () => {
    const payload = paidOrderPayload(5002, 902, "19.99");
    await postWebhook(stack, { shop, topic: "orders/create", payload });
    await postWebhook(stack, { shop, topic: "orders/paid", payload });
    await waitFor("processing", () => inboxSettled(stack));
    expect((await ledgerEntriesForOrder(stack, 5002)).map((entry) => entry.points)).toEqual([19]);
  });
});
