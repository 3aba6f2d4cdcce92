// Random loyalty histories for the ledger property test: what they are (fast-check arbitraries, readable when
// printed) and how one is played against the real stack (signed webhooks, admin API, app proxy, delayed jobs).
import fc from "fast-check";
import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { refundPayload, promoteMaturity } from "./loyalty-fixtures.js";
import { inboxSettled, paidOrderPayload, postWebhook } from "./shop-fixtures.js";
import { testApiKey, testApiSecret, waitFor, type TestStack } from "./start-test-stack.js";

export interface OrderSpec {
  customer: number;
  subtotalCents: number;
  /** Each refund's share of the subtotal in percent; together they may exceed it (the clawback must cap). */
  refundPercents: number[];
}

export type Command =
  | { kind: "paid" | "cancel"; order: number; together: boolean }
  | { kind: "refund"; order: number; refund: number; together: boolean }
  /** The nth webhook sent so far again, with its webhook id (Shopify retrying a delivery). */
  | { kind: "redeliver"; nth: number; together: boolean }
  | { kind: "adjust"; customer: number; points: number; allowNegative: boolean; retry: boolean }
  | { kind: "redeem"; customer: number; points: number; retry: boolean }
  /** Clock moves: an order's return window ends (its delayed job runs), or every balance idles past expiry. */
  | { kind: "mature"; order: number }
  | { kind: "expire" };

export interface RunSpec {
  orders: OrderSpec[];
  commands: Command[];
}

const customers = 2;

export function runArbitrary(maxCommands: number): fc.Arbitrary<RunSpec> {
  const order = fc.record({
    customer: fc.nat(customers - 1),
    subtotalCents: fc.integer({ min: 0, max: 30_000 }),
    refundPercents: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
  });
  return fc.array(order, { minLength: 1, maxLength: 3 }).chain((orders) => {
    const o = fc.nat(orders.length - 1);
    const c = fc.nat(customers - 1);
    const together = fc.boolean();
    const command: fc.Arbitrary<Command> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant("paid" as const), order: o, together }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), order: o, together }) },
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant("refund" as const), order: o, refund: fc.nat(2), together }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant("redeliver" as const), nth: fc.nat(20), together }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant("adjust" as const),
          customer: c,
          points: fc.integer({ min: -300, max: 300 }).filter((points) => points !== 0),
          allowNegative: fc.boolean(),
          retry: fc.boolean(),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant("redeem" as const),
          customer: c,
          points: fc.integer({ min: 10, max: 30 }).map((tens) => tens * 10),
          retry: fc.boolean(),
        }),
      },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant("mature" as const), order: o }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const) }) },
    );
    return fc.record({
      orders: fc.constant(orders),
      commands: fc.array(command, { minLength: 1, maxLength: maxCommands }),
    });
  });
}

/** What the run did, as the checks need it: ids, what was delivered, what the API accepted. */
export interface RunRecord {
  shopId: number;
  customerIds: number[];
  shopifyCustomerIds: number[];
  orderIds: number[];
  paid: Set<number>;
  cancelled: Set<number>;
  /** Per order index: refund index to the refunded amount in cents, each refund once however often delivered. */
  refunds: Map<number, Map<number, number>>;
  adjustmentsApplied: number[];
  negativeAllowed: Set<number>;
  redemptionCodes: Set<string>[];
}

interface Sent {
  topic: string;
  payload: unknown;
  webhookId: string;
}

export function refundCents(spec: OrderSpec, refund: number): number {
  const percent = spec.refundPercents[refund % spec.refundPercents.length] ?? 100;
  return Math.max(1, Math.floor((spec.subtotalCents * percent) / 100));
}

const money = (cents: number) => (cents / 100).toFixed(2);

/** Every run (shrinking included) gets its own order, refund and customer ids, across players in one file. */
let runNumber = 0;

export function createRunPlayer(stack: TestStack, shop: string, shopId: number) {
  const token = () => mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret, userId: "77" });

  async function settled() {
    await stack.sim.settle();
    await waitFor("the inbox to settle", () => inboxSettled(stack), 30_000);
  }

  async function newCustomers(run: number) {
    const shopifyIds: number[] = [];
    for (let i = 0; i < customers; i += 1) {
      const email = `prop-${run}-${i}@example.com`;
      shopifyIds.push(stack.sim.createCustomer(shop, { firstName: `P${run}`, lastName: `C${i}`, email }).id);
    }
    await settled();
    const rows = await stack.services.prisma.customer.findMany({
      where: { shopId, shopifyCustomerId: { in: shopifyIds.map((id) => BigInt(id)) } },
    });
    const ids = shopifyIds.map((sid) => rows.find((row) => row.shopifyCustomerId === BigInt(sid))?.id ?? 0);
    return { ids, shopifyIds };
  }

  return async function play(spec: RunSpec): Promise<RunRecord> {
    runNumber += 1;
    const run = runNumber;
    const { ids, shopifyIds } = await newCustomers(run);
    const record: RunRecord = {
      shopId,
      customerIds: ids,
      shopifyCustomerIds: shopifyIds,
      orderIds: spec.orders.map((_, index) => 70_000_000 + run * 10 + index),
      paid: new Set(),
      cancelled: new Set(),
      refunds: new Map(),
      adjustmentsApplied: ids.map(() => 0),
      negativeAllowed: new Set(),
      redemptionCodes: ids.map(() => new Set<string>()),
    };
    const sent: Sent[] = [];
    const base = Date.parse("2026-11-20T10:00:00Z");
    const orderPayload = (index: number) => {
      const order = spec.orders[index] as OrderSpec;
      const payload = paidOrderPayload(
        record.orderIds[index] ?? 0,
        shopifyIds[order.customer] ?? 0,
        money(order.subtotalCents),
        new Date(base + 60_000).toISOString(),
      );
      return { ...payload, customer: { ...payload.customer, email: `prop-${run}-${order.customer}@example.com` } };
    };
    const send = async (topic: string, payload: unknown, together: boolean, webhookId?: string) => {
      const id = webhookId ?? `prop-${run}-${sent.length}-${topic}`;
      const response = await postWebhook(stack, { shop, topic, payload, webhookId: id });
      if (response.status !== 200) throw new Error(`${topic} answered ${response.status}`);
      if (!webhookId) sent.push({ topic, payload, webhookId: id });
      if (!together) await settled();
    };
    const adjust = async (customer: number, points: number, allowNegative: boolean, key: string) =>
      fetch(`${stack.appUrl}/api/customers/${ids[customer]}/adjustments`, {
        method: "POST",
        headers: { authorization: `Bearer ${token()}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ points, reason: "property test", allowNegative }),
      });
    const redeem = async (customer: number, points: number, requestKey: string) => {
      const response = await stack.sim.appProxyRequest(shop, {
        path: "/redeem",
        customerId: shopifyIds[customer] ?? 0,
        body: { points, requestKey },
      });
      const answer = (await response.json()) as { redemption?: { code: string } };
      if (response.status < 300 && answer.redemption) record.redemptionCodes[customer]?.add(answer.redemption.code);
    };

    for (const [step, command] of spec.commands.entries()) {
      switch (command.kind) {
        case "paid":
          record.paid.add(command.order);
          await send("orders/paid", orderPayload(command.order), command.together);
          break;
        case "cancel": {
          record.cancelled.add(command.order);
          const cancelledAt = new Date(base + 120_000).toISOString();
          const payload = { ...orderPayload(command.order), cancelled_at: cancelledAt, updated_at: cancelledAt };
          await send("orders/cancelled", { ...payload, financial_status: "refunded" }, command.together);
          break;
        }
        case "refund": {
          const order = spec.orders[command.order] as OrderSpec;
          const refund = command.refund % order.refundPercents.length;
          const cents = refundCents(order, refund);
          const byOrder = record.refunds.get(command.order) ?? new Map<number, number>();
          byOrder.set(refund, cents);
          record.refunds.set(command.order, byOrder);
          const refundId = 80_000_000 + run * 100 + command.order * 10 + refund;
          await send(
            "refunds/create",
            refundPayload(refundId, record.orderIds[command.order] ?? 0, money(cents)),
            command.together,
          );
          break;
        }
        case "redeliver": {
          const again = sent[command.nth % Math.max(1, sent.length)];
          if (again) await send(again.topic, again.payload, command.together, again.webhookId);
          break;
        }
        case "adjust": {
          const key = `prop-${run}-${step}`;
          const first = await adjust(command.customer, command.points, command.allowNegative, key);
          if (command.retry) await adjust(command.customer, command.points, command.allowNegative, key);
          if (first.status < 300) {
            record.adjustmentsApplied[command.customer] = (record.adjustmentsApplied[command.customer] ?? 0) + 1;
            if (command.points < 0 && command.allowNegative) record.negativeAllowed.add(command.customer);
          }
          break;
        }
        case "redeem": {
          const key = `prop-${run}-${step}`;
          await redeem(command.customer, command.points, key);
          if (command.retry) await redeem(command.customer, command.points, key);
          break;
        }
        case "mature":
          await settled();
          await matureNow(stack, shop, shopId, record.orderIds[command.order] ?? 0);
          break;
        case "expire":
          await settled();
          await expireNow(stack, shopId, `prop-${run}-${step}`);
          break;
      }
    }
    await settled();
    return record;
  };
}

async function finished(what: string, state: () => Promise<string | undefined>) {
  await waitFor(what, async () => {
    const now = await state();
    if (now === "failed") throw new Error(`${what}: the job failed`);
    return now === undefined || now === "completed";
  });
}

/** Runs the order's delayed maturity job now, as the end of its return window would (no job: nothing earned). */
async function matureNow(stack: TestStack, shop: string, shopId: number, orderId: number) {
  const job = await stack.services.loyaltyQueue.getJob(`mature-${shopId}-${orderId}`);
  if (!job) return;
  await promoteMaturity(stack, shop, orderId);
  await finished(`order ${orderId} to mature`, async () => (await job.getState()) as string);
}

/** The expiry run as of 40 days from now: every balance has idled past the shop's one month. */
async function expireNow(stack: TestStack, shopId: number, jobId: string) {
  const asOf = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString();
  const job = await stack.services.pointsQueue.add("expire-points", { kind: "expire-points", shopId, asOf }, { jobId });
  await finished("the expiry run", async () => (await job.getState()) as string);
}
