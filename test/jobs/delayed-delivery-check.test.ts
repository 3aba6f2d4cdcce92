import { QueueEvents } from "bullmq";
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import type { CheckSummary } from "../../server/domain/delays/check-late-orders.js";
import { delayedCheckQueueName, runDelayedCheck } from "../../server/jobs/delayed-check-queue.js";
import { startEmailStack } from "../support/email-fixtures.js";
import { fixturePayload, inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

// Orders are placed in 2027, so the real clock's hourly run (which also starts with the worker) finds them on time.
const placedAt = "2027-03-01T15:00:00Z";
const orders = { late: 5550000000401, delivered: 5550000000402, untracked: 5550000000403, shippedLate: 5550000000404 };

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let domain: string;
let shopId: number;
let checkEvents: QueueEvents;
/** Order A's customer exists in the simulator, so its thank-you code is really issued; the others use plain ids. */
const customerIds: number[] = [];
const addressOf = (index: number) => (index === 0 ? "mara@example.com" : `c${customerIds[index] ?? 0}@example.com`);

async function deliver(topic: string, payload: unknown) {
  expect((await postWebhook(stack, { topic, shop: domain, payload })).status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
}

function fulfillment(orderId: number, fields: Record<string, unknown>) {
  return { ...fixturePayload("fulfillments/create"), id: orderId + 7, order_id: orderId, status: "success", ...fields };
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T17:00:00Z`) + 24 * 3600 * 1000);

/** Runs one check through the real queue and worker, as of `now`, and returns what it counted. */
async function checkAt(now: Date): Promise<CheckSummary> {
  const job = await runDelayedCheck(stack.services.delayedCheckQueue, now);
  return (await job.waitUntilFinished(checkEvents, 15_000)) as CheckSummary;
}

const delayedRows = () => stack.services.prisma.emailOutbox.findMany({ where: { kind: "delayed" } });

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack());
  checkEvents = new QueueEvents(delayedCheckQueueName, {
    connection: { url: stack.config.REDIS_URL },
    prefix: stack.config.REDIS_PREFIX,
  });
  await checkEvents.waitUntilReady();
  domain = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(domain))?.id ?? 0;
  // Codes valid for a year, so order A's is still good when the (2027) apology goes out.
  const coupons = stack.services.repositories.coupons;
  await coupons.saveSettings(shopId, { ...(await coupons.settingsFor(shopId)), validityDays: 365 });
  const simCustomer = stack.sim.createCustomer(domain, {
    firstName: "Mara",
    lastName: "Cruz",
    email: "mara@example.com",
  });
  customerIds.push(simCustomer.id, 9401, 9402, 9403);
  // The simulator announces the customer (locale en) by webhook: let that land before the order says "fil".
  await waitFor(
    "the simulator's customers/create",
    async () =>
      (await stack.services.prisma.customer.count({ where: { shopifyCustomerId: BigInt(simCustomer.id) } })) > 0 &&
      (await inboxSettled(stack)),
  );
  for (const [index, orderId] of Object.values(orders).entries()) {
    const payload = paidOrderPayload(orderId, customerIds[index] ?? 0, "42.50", placedAt);
    const customer = { ...payload.customer, email: addressOf(index) };
    await deliver("orders/paid", { ...payload, customer, created_at: placedAt, customer_locale: index ? "en" : "fil" });
  }
  await waitFor("order A's thank-you code issued", async () => {
    const coupon = await stack.services.prisma.coupon.findFirst({ where: { shopifyOrderId: BigInt(orders.late) } });
    return coupon?.status === "issued";
  });
}, 60_000);
afterAll(async () => {
  await checkEvents.close();
  await stop();
});

describe("the delayed-delivery check", () => {
  test("one apology per late order, through the real queue, across repeated runs and a worker restart", async () => {
    const orderWindow = await stack.services.shipping.estimateForOrder(shopId, {
      createdAt: placedAt,
      countryCode: "US",
      shippingMethod: "Standard",
    });
    await deliver(
      "fulfillments/update",
      fulfillment(orders.delivered, { shipment_status: "delivered", updated_at: `${orderWindow.earliest}T18:00:00Z` }),
    );
    await deliver(
      "fulfillments/create",
      fulfillment(orders.untracked, { tracking_number: null, tracking_numbers: [], created_at: placedAt }),
    );
    const shippedAt = `${orderWindow.latest}T15:00:00Z`;
    await deliver(
      "fulfillments/create",
      fulfillment(orders.shippedLate, { created_at: shippedAt, updated_at: shippedAt }),
    );

    // On the window's last day nothing is late.
    expect(await checkAt(new Date(`${orderWindow.latest}T17:00:00Z`))).toMatchObject({ late: 0, queued: 0 });
    expect(await delayedRows()).toHaveLength(0);

    // The day after: the unshipped order is late; the delivered and untracked ones are not candidates; the one that
    // shipped on the last day is judged by its shipment's window and is still on time. Two workers check at once:
    // the outbox's unique key lets one apology through.
    const firstLate = dayAfter(orderWindow.latest);
    stack.startWorker();
    const racing = await Promise.all([checkAt(firstLate), checkAt(new Date(firstLate.getTime() + 1))]);
    // (The slower one may find the order late and lose the insert, or find it already apologised.)
    expect(racing[0].queued + racing[1].queued).toBe(1);
    expect(await delayedRows()).toHaveLength(1);
    // An hour later the apologised order is no longer a candidate.
    expect(await checkAt(new Date(firstLate.getTime() + 3600_000))).toEqual({ checked: 1, late: 0, queued: 0 });

    // A restart: a worker goes away and another comes up; the scheduler is upserted again, nothing is sent twice.
    await stack.workers[0]?.close();
    stack.startWorker();
    const schedulers = await waitFor("the hourly schedule", async () => {
      const found = await stack.services.delayedCheckQueue.getJobSchedulers();
      return found.length > 0 ? found : null;
    });
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.every])).toEqual([["delayed-orders", 3_600_000]]);
    const shipmentWindow = await stack.services.shipping.estimateForShipment(shopId, {
      shippedAt,
      countryCode: "US",
      shippingMethod: "Standard",
    });
    expect(shipmentWindow.latest > orderWindow.latest).toBe(true);
    expect(await checkAt(dayAfter(shipmentWindow.latest))).toEqual({ checked: 1, late: 1, queued: 1 });
    expect(await checkAt(new Date(dayAfter(shipmentWindow.latest).getTime() + 1))).toEqual({
      checked: 0,
      late: 0,
      queued: 0,
    });

    const rows = await delayedRows();
    expect(rows.map((row) => row.shopifyOrderId).sort()).toEqual([BigInt(orders.late), BigInt(orders.shippedLate)]);
    await waitFor("both apologies sent", async () => (await delayedRows()).every((row) => row.status === "sent"));
    // The delivered order's survey waits for 2027, so the email queue never drains here: the rows say "sent".
    expect(catcher.messages({ to: addressOf(0) })).toHaveLength(1);
    expect(catcher.messages({ to: addressOf(3) })).toHaveLength(1);
    for (const quiet of [addressOf(1), addressOf(2)]) {
      expect(catcher.messages({ to: quiet }).filter((message) => /late|antala/.test(message.subject))).toHaveLength(0);
    }
  });

  test("the apology is in the customer's language and offers their unused thank-you code again", async () => {
    const [message] = catcher.messages({ to: addressOf(0) });
    const coupon = await stack.services.prisma.coupon.findFirstOrThrow({
      where: { shopifyOrderId: BigInt(orders.late) },
    });
    expect(message?.subject).toBe("Naaantala ang order mo na #401");
    expect(message?.text).toContain(coupon.code);
    expect(message?.html).toContain(coupon.code);
    expect(message?.headers.list).toBeUndefined();
  });
});
