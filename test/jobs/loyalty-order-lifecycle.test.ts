// An order's points end to end: signed webhooks through the real queue, maturity through the delayed job.
import {
  customerPoints,
  ledgerOfCustomer,
  plainEarning,
  promoteMaturity,
  refundPayload,
  useLoyaltySettings,
} from "../support/loyalty-fixtures.js";
import { inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  await useLoyaltySettings(stack, shop, plainEarning);
});
afterAll(() => stack.stop());

async function send(topic: string, payload: unknown, webhookId?: string) {
  const response = await postWebhook(stack, { shop, topic, payload, webhookId });
  expect(response.status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
}

async function matured(orderId: number, customerId: number, balance: number) {
  await promoteMaturity(stack, shop, orderId);
  return waitFor(`order ${orderId} to mature`, async () => {
    const points = await customerPoints(stack, customerId);
    return points.pending === 0 && points.balance === balance ? points : null;
  });
}

afterEach(async () => {
  expect(await stack.services.repositories.ledger.balanceMismatches()).toEqual([]);
});

describe("an order's points", () => {
  test("stay pending for the return window, with one delayed job, then become available through it", async () => {
    await send("orders/paid", paidOrderPayload(7002, 702, "80.00"));
    expect(await customerPoints(stack, 702)).toMatchObject({ balance: 0, pending: 80 });
    const shopRow = await stack.services.prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    const job = await stack.services.loyaltyQueue.getJob(`mature-${shopRow.id}-7002`);
    expect(await job?.getState()).toBe("delayed");
    expect(job?.opts.delay).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
    await matured(7002, 702, 80);
    expect(await ledgerOfCustomer(stack, 702)).toEqual([
      { key: "order:7002:earn", points: 80, status: "pending", cause: "order" },
      { key: "order:7002:earn:mature", points: 80, status: "available", cause: "order" },
    ]);
  });

  test("cancelled before maturity: the pending points are voided, and the later job changes nothing", async () => {
    const paid = paidOrderPayload(7001, 701, "100.00", "2026-11-20T10:00:00Z");
    await send("orders/paid", paid);
    await send("orders/cancelled", {
      ...paid,
      cancelled_at: "2026-11-20T11:00:00Z",
      financial_status: "voided",
      updated_at: "2026-11-20T11:00:00Z",
    });
    expect(await customerPoints(stack, 701)).toMatchObject({ balance: 0, pending: 0 });
    await promoteMaturity(stack, shop, 7001);
    await waitFor("the job to finish", async () => {
      const row = await stack.services.prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
      const job = await stack.services.loyaltyQueue.getJob(`mature-${row.id}-7001`);
      return (await job?.getState()) === "completed";
    });
    expect(await ledgerOfCustomer(stack, 701)).toEqual([
      { key: "order:7001:earn", points: 100, status: "pending", cause: "order" },
      { key: "order:7001:earn:void", points: 0, status: "void", cause: "order" },
    ]);
  });

  test("fully refunded before maturity: voided", async () => {
    await send("orders/paid", paidOrderPayload(7005, 705, "50.00"));
    await send("refunds/create", refundPayload(97005, 7005, "50.00"));
    expect(await customerPoints(stack, 705)).toMatchObject({ balance: 0, pending: 0 });
  });

  test("partly refunded before maturity: matures at the remaining share", async () => {
    await send("orders/paid", paidOrderPayload(7004, 704, "100.00"));
    await send("refunds/create", refundPayload(97004, 7004, "25.00"));
    expect(await customerPoints(stack, 704)).toMatchObject({ balance: 0, pending: 100 });
    await matured(7004, 704, 75);
  });

  test("partial refunds after maturity take back in proportion, once each, never more than earned", async () => {
    await send("orders/paid", paidOrderPayload(7003, 703, "100.00"));
    await matured(7003, 703, 100);
    const { id } = await customerPoints(stack, 703);
    const shopRow = await stack.services.prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
    // Points spent in between: the clawback may then take the balance below zero.
    await stack.services.repositories.ledger.append({
      shopId: shopRow.id,
      customerId: id,
      points: -50,
      cause: "redemption",
      idempotencyKey: "test:spend:703",
    });
    await send("refunds/create", refundPayload(97031, 7003, "60.00"));
    await send("refunds/create", refundPayload(97031, 7003, "60.00"), "same-refund-again");
    expect((await customerPoints(stack, 703)).balance).toBe(-10);
    await send("refunds/create", refundPayload(97032, 7003, "30.00"));
    await send("refunds/create", refundPayload(97033, 7003, "30.00"));
    expect((await customerPoints(stack, 703)).balance).toBe(-50);
    const clawbacks = (await ledgerOfCustomer(stack, 703)).filter((entry) => entry.cause === "refund");
    expect(clawbacks).toEqual([
      { key: "refund:97031:clawback", points: -60, status: "available", cause: "refund" },
      { key: "refund:97032:clawback", points: -30, status: "available", cause: "refund" },
      { key: "refund:97033:clawback", points: -10, status: "available", cause: "refund" },
    ]);
  });

  test("a refund before its order, and the order paid three times over: earned once, matured net of the refund", async () => {
    await send("refunds/create", refundPayload(97006, 7006, "40.00"));
    const paid = paidOrderPayload(7006, 706, "100.00");
    await send("orders/paid", paid, "paid-a");
    await send("orders/paid", paid, "paid-b");
    await send("orders/create", { ...paid, updated_at: "2026-01-01T00:00:00Z" }, "created-late");
    expect(await customerPoints(stack, 706)).toMatchObject({ balance: 0, pending: 100 });
    await matured(7006, 706, 60);
    expect((await ledgerOfCustomer(stack, 706)).map((entry) => entry.key)).toEqual([
      "order:7006:earn",
      "order:7006:earn:mature",
    ]);
  });
});
