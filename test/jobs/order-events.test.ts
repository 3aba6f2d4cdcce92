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

const order = (orderId: number) =>
  stack.services.prisma.order.findFirstOrThrow({ where: { shopifyOrderId: BigInt(orderId) } });

describe("order events", () => {
  test("orders/paid before orders/create: points once, and the older event does not overwrite the order", async () => {
    const paid = paidOrderPayload(6001, 601, "80.00", "2026-11-20T10:05:00Z");
    const created = { ...paid, financial_status: "pending", updated_at: "2026-11-20T10:00:00Z" };
    await postWebhook(stack, { shop, topic: "orders/paid", payload: paid });
    await waitFor("paid processed", () => inboxSettled(stack));
    await postWebhook(stack, { shop, topic: "orders/create", payload: created });
    await waitFor("create processed", () => inboxSettled(stack));
    expect((await ledgerEntriesForOrder(stack, 6001)).map((e) => e.points)).toEqual([80]);
    expect((await order(6001)).financialStatus).toBe("paid");
  });

  test("orders/paid and a pending orders/create stamped the same second: the order stays paid", async () => {
    const paid = paidOrderPayload(6011, 611, "20.00", "2026-11-20T10:05:00Z");
    const created = { ...paid, financial_status: "pending" };
    await postWebhook(stack, { shop, topic: "orders/paid", payload: paid });
    await waitFor("paid processed", () => inboxSettled(stack));
    await postWebhook(stack, { shop, topic: "orders/create", payload: created });
    await waitFor("create processed", () => inboxSettled(stack));
    expect((await order(6011)).financialStatus).toBe("paid");
  });

  test("orders/create (pending) then orders/paid: no points until paid, then once", async () => {
    const created = { ...paidOrderPayload(6002, 602, "55.55", "2026-11-20T11:00:00Z"), financial_status: "pending" };
    await postWebhook(stack, { shop, topic: "orders/create", payload: created });
    await waitFor("create processed", () => inboxSettled(stack));
    expect(await ledgerEntriesForOrder(stack, 6002)).toEqual([]);
    await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(6002, 602, "55.55", "2026-11-20T11:01:00Z"),
    });
    await waitFor("paid processed", () => inboxSettled(stack));
    expect((await ledgerEntriesForOrder(stack, 6002)).map((e) => e.points)).toEqual([55]);
  });

  test("an order whose payload repeats a line item id is still processed, the line recorded once", async () => {
    const line = { id: 77, product_id: 7, variant_id: 70, title: "Tea", quantity: 1, price: "15.00" };
    await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: { ...paidOrderPayload(6021, 621, "30.00"), line_items: [line, line] },
      webhookId: "repeated-line",
    });
    await waitFor("processed", () => inboxSettled(stack));
    const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({ where: { webhookId: "repeated-line" } });
    expect([row.status, row.lastError]).toEqual(["completed", null]);
    const lines = await stack.services.pool.query("SELECT 1 FROM order_line_item WHERE shopify_order_id = 6021");
    expect(lines.rowCount).toBe(1);
  });

  test("a guest checkout is recorded, earns no points (reason logged) and still gets its order email", async () => {
    await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(6003, null, "20.00"),
      webhookId: "guest-1",
    });
    await waitFor("guest processed", () => inboxSettled(stack));
    const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({ where: { webhookId: "guest-1" } });
    expect(row).toMatchObject({
      status: "completed",
      outcome: "guest checkout: no customer to award points to; order_received email queued (queued)",
    });
    expect((await order(6003)).customerId).toBeNull();
    expect(await ledgerEntriesForOrder(stack, 6003)).toEqual([]);
    expect(stack.logs).toContainEqual(
      expect.objectContaining({
        msg: expect.stringContaining("guest checkout"),
        shop,
        webhookId: "guest-1",
        jobId: expect.any(String),
      }),
    );
  });

  test("a payload missing the fields we need fails for good, with the reason kept", async () => {
    await postWebhook(stack, { shop, topic: "orders/paid", payload: { id: 6004 }, webhookId: "broken-1" });
    const row = await waitFor("the row to fail", async () => {
      const found = await stack.services.prisma.webhookInbox.findFirst({ where: { webhookId: "broken-1" } });
      return found?.status === "failed" ? found : null;
    });
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/order payload invalid/);
  });

  test("app/uninstalled marks the shop uninstalled, removes its sessions, and its later orders are skipped", async () => {
    stack.sim.uninstallApp(shop);
    await stack.sim.settle();
    // The handler marks the shop first and removes its sessions next: wait for the inbox row to finish.
    await waitFor("uninstall processed", async () => {
      const row = await stack.services.prisma.webhookInbox.findFirst({ where: { topic: "app/uninstalled" } });
      return row?.status === "completed" ? row : null;
    });
    expect((await stack.services.repositories.shops.findByDomain(shop))?.status).toBe("uninstalled");
    expect(await stack.services.prisma.session.count({ where: { shop } })).toBe(0);
    await postWebhook(stack, {
      shop,
      topic: "orders/paid",
      payload: paidOrderPayload(6005, 605, "10.00"),
      webhookId: "after-uninstall",
    });
    await waitFor("processed", () => inboxSettled(stack));
    const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({ where: { webhookId: "after-uninstall" } });
    expect(row).toMatchObject({ status: "skipped", outcome: "shop has uninstalled Afterglow" });
    expect(await ledgerEntriesForOrder(stack, 6005)).toEqual([]);
  });

  test("shop/redact after uninstall is accepted and removes the shop's data", async () => {
    stack.sim.redactShop(shop);
    await stack.sim.settle();
    await waitFor("processed", () => inboxSettled(stack));
    const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({ where: { topic: "shop/redact" } });
    expect(row.status).toBe("completed");
    expect(row.outcome).toMatch(/^removed the shop's data: \d+ customers/);
    expect(await ledgerEntriesForOrder(stack, 6001)).toEqual([]);
  });
});
