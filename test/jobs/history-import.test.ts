import { setGeneratedHistory } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { generatedOrder } from "../../scripts/shopify-simulator/state/generated-history.js";
import { orderTotals } from "../../scripts/shopify-simulator/state/order-totals.js";
import { createHistoryImportRepository } from "../../server/domain/history-import/history-import-repository.js";
import { importHistory } from "../../server/domain/history-import/import-history.js";
import { createBulkOperationService } from "../../server/shopify/bulk-operation-service.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

const domain = "history-shop.myshopify.com";
const size = { orders: 250, customers: 40 };
let stack: TestStack;
let shopId: number;

/** The simulator's own generator tells what the export holds; the import must end up with exactly that. */
function expectedHistory(endsAt: Date) {
  const orders = Array.from({ length: size.orders }, (_, index) =>
    generatedOrder(stack.sim.store.shop(domain), index, { ...size, endsAt }),
  );
  const customers = new Set(orders.flatMap((order) => (order.customerId === null ? [] : [order.customerId])));
  return { orders, customers };
}

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.appUrl}${path}`, {
    ...init,
    headers: adminHeaders(domain),
  });

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  // The shop sold 250 orders to 40 customers (and guests) before it installed Afterglow.
  stack.sim.createShop({ domain, name: "History", email: "owner@example.com", currencyCode: "USD" });
  setGeneratedHistory(stack.sim, domain, size);
  const installed = await stack.sim.installApp(domain);
  expect(installed.status).toBeLessThan(400);
  const shop = await waitFor("the shop row", () => stack.services.repositories.shops.findByDomain(domain));
  shopId = shop.id;
});
afterAll(() => stack.stop());

describe("history import on install", () => {
  test("the install exports past orders in a bulk operation and imports every line, customers and guests", async () => {
    const body = await waitFor(
      "the import to complete",
      async () => {
        const answer = (await (await get("/api/import")).json()) as { import: { status: string } | null };
        return answer.import?.status === "completed" ? answer : null;
      },
      60_000,
    );
    // Dates aside, the generated history depends only on its size: which orders, customers and amounts.
    const expected = expectedHistory(new Date());
    expect(body).toMatchObject({
      import: {
        status: "completed",
        progress: 1,
        linesDone: 250,
        objectCount: 250,
        ordersImported: 250,
        customersImported: expected.customers.size,
        lastError: null,
      },
    });
    const { prisma } = stack.services;
    expect(await prisma.order.count({ where: { shopId } })).toBe(250);
    expect(await prisma.customer.count({ where: { shopId } })).toBe(expected.customers.size);
    const guests = expected.orders.filter((order) => order.customerId === null).length;
    expect(await prisma.order.count({ where: { shopId, customerId: null } })).toBe(guests);
    // A partly refunded order keeps its subtotal as ordered and its pre-install refund as a refund (amount and date),
    // as the refund webhook would have recorded it; a cancelled one keeps its cancellation.
    const refunded = expected.orders.filter((order) => order.refunds.length > 0);
    const cancelled = expected.orders.find((order) => order.cancelledAt !== null);
    expect(refunded.length).toBeGreaterThan(0);
    expect(await prisma.loyaltyRefund.count({ where: { shopId } })).toBe(refunded.length);
    for (const order of refunded.slice(0, 3)) {
      const row = await prisma.order.findFirstOrThrow({ where: { shopId, shopifyOrderId: BigInt(order.id) } });
      const totals = orderTotals(order);
      expect(Math.round(Number(row.subtotalPrice) * 100)).toBe(totals.subtotalCents);
      expect(row.financialStatus).toBe("partially_refunded");
      const refund = await prisma.loyaltyRefund.findFirstOrThrow({
        where: { shopId, shopifyOrderId: BigInt(order.id) },
      });
      expect(refund.shopifyRefundId).toBe(BigInt(order.refunds[0]?.id ?? 0));
      expect(Math.round(Number(refund.subtotal) * 100)).toBe(totals.subtotalCents - totals.currentSubtotalCents);
      // Dates depend on the install time: the refund keeps its distance from its order.
      const after = (order.refunds[0]?.createdAt.getTime() ?? 0) - order.createdAt.getTime();
      expect(refund.refundedAt.getTime() - (row.shopifyCreatedAt?.getTime() ?? 0)).toBe(after);
    }
    if (cancelled) {
      const row = await prisma.order.findFirstOrThrow({ where: { shopId, shopifyOrderId: BigInt(cancelled.id) } });
      expect(row.cancelledAt).not.toBeNull();
    }
  });

  test("the dashboard reads the imported history: AOV over all of it is net of the pre-install refunds", async () => {
    const expected = expectedHistory(new Date());
    const counted = expected.orders.filter((order) => order.cancelledAt === null && order.financialStatus !== "voided");
    const cents = counted.reduce((sum, order) => sum + orderTotals(order).currentSubtotalCents, 0);
    const response = await get("/api/analytics/average-order-value?from=2020-01-01&to=2029-12-31");
    expect(await response.json()).toMatchObject({
      parts: { orders: counted.length, netRevenue: (cents / 100).toFixed(2) },
    });
    // The batches deferred the customer facts; the refresh at the end made them: each buyer's first order is the only
    // order that is not a repeat.
    const customerOrders = counted.filter((order) => order.customerId !== null);
    const buyers = new Set(customerOrders.map((order) => order.customerId)).size;
    const repeat = await get("/api/analytics/repeat-purchase-rate?from=2020-01-01&to=2029-12-31");
    expect(await repeat.json()).toMatchObject({
      parts: { customerOrders: customerOrders.length, repeatOrders: customerOrders.length - buyers },
    });
    expect(await stack.services.prisma.customerFirstOrder.count({ where: { shopId } })).toBe(buyers);
  });

  test("a restart resumes after the last committed line and a second run changes nothing", async () => {
    const { prisma, pool } = stack.services;
    // As if the worker died after committing 200 lines: the last 50 orders are not there yet.
    await pool.query(
      `UPDATE history_import SET status = 'importing', lines_done = 200, finished_at = NULL WHERE shop_id = $1`,
      [shopId],
    );
    const lastFifty = expectedHistory(new Date())
      .orders.slice(200)
      .map((order) => BigInt(order.id));
    await prisma.order.deleteMany({ where: { shopId, shopifyOrderId: { in: lastFifty } } });
    expect(await prisma.order.count({ where: { shopId } })).toBe(200);
    const deps = {
      imports: createHistoryImportRepository(pool),
      bulk: createBulkOperationService(stack.services.shopify, stack.services.sessionStorage),
      logger: stack.services.logger,
      pollMs: 50,
      batchSize: 30,
    };
    const shop = await prisma.shop.findUniqueOrThrow({ where: { id: shopId } });
    const target = { shopId, domain, installedAt: shop.installedAt };
    const before = await prisma.historyImport.findUniqueOrThrow({ where: { shopId } });
    const resumed = await importHistory(deps, target);
    expect(resumed).toMatchObject({ status: "completed", linesDone: 250 });
    // Only the 50 missing lines were written again (in batches of 30 and 20), not all 250.
    expect(resumed.ordersDone - before.ordersDone).toBe(50);
    expect(await prisma.order.count({ where: { shopId } })).toBe(250);
    // Run again from the first line: the same rows, nothing doubled.
    await pool.query(`UPDATE history_import SET status = 'importing', lines_done = 0 WHERE shop_id = $1`, [shopId]);
    const refunds = await prisma.loyaltyRefund.count({ where: { shopId } });
    await importHistory(deps, target);
    expect(await prisma.order.count({ where: { shopId } })).toBe(250);
    expect(await prisma.loyaltyRefund.count({ where: { shopId } })).toBe(refunds);
    expect(await prisma.customer.count({ where: { shopId } })).toBe(expectedHistory(new Date()).customers.size);
  });

  test("an export polled by node(id) completes with Shopify's fields and a JSONL file of one order per line", async () => {
    const bulk = createBulkOperationService(stack.services.shopify, stack.services.sessionStorage);
    const id = await bulk.startHistoryExport(domain, new Date());
    const state = await waitFor("the export", async () => {
      const current = await bulk.bulkOperation(domain, id);
      return current?.status === "COMPLETED" ? current : null;
    });
    expect(state).toMatchObject({ id, objectCount: 250, url: expect.stringMatching(/\.jsonl$/) });
    const text = await (await fetch(state.url ?? "")).text();
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(250);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ id: expect.stringMatching(/^gid:\/\/shopify\/Order\/\d+$/) });
  });

  test("GET /api/import needs a session token", async () => {
    expect((await fetch(`${stack.appUrl}/api/import`)).status).toBe(401);
  });
});
