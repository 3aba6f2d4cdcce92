import type { CaughtMessage, SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { runDelayedCheck } from "../../server/jobs/delayed-check-queue.js";
import { adminApi } from "../support/admin-api.js";
import { emailsSettled, startEmailStack } from "../support/email-fixtures.js";
import { inboxSettled, installShop } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shop: string;
let shopId: number;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack({ workers: 1 }));
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  // The first-order thank-you and the survey normally wait 30 minutes and three days; here they go at once.
  const now = { enabled: true, delayMinutes: 0 };
  const kinds = { first_order_thank_you: now, nps_survey: now };
  expect((await adminApi(stack, shop, "PUT", "/api/settings/emails", { defaultLanguage: "en", kinds })).status).toBe(
    200,
  );
}, 60_000);
afterAll(() => stop());

async function settled() {
  await stack.sim.settle();
  await waitFor("webhooks processed", () => inboxSettled(stack));
  await waitFor("emails sent", () => emailsSettled(stack), 30_000);
}

const rowsTo = (to: string) =>
  stack.services.prisma.emailOutbox.findMany({ where: { toAddress: to }, orderBy: { id: "asc" } });

interface Shopper {
  language: "en" | "id" | "fil";
  email: string;
  orderId: number;
  name: string;
  fulfillmentId: number;
  registered: boolean;
}

/** Registered customers in English and Indonesian, and a guest who checked out in Filipino (the shop writes English). */
function placeOrders(): Shopper[] {
  const plan = [
    { language: "en", email: "erin@example.com", locale: "en-US", registered: true },
    { language: "id", email: "dewi@example.com", locale: "id-ID", registered: true },
    { language: "fil", email: "bea.guest@example.com", locale: "fil", registered: false },
  ] as const;
  return plan.map((who, index) => {
    const customer = who.registered
      ? stack.sim.createCustomer(shop, {
          firstName: `Buyer${index}`,
          lastName: "T",
          email: who.email,
          locale: who.locale,
        })
      : null;
    const order = stack.sim.createOrder(shop, {
      customerId: customer?.id ?? null,
      email: who.email,
      customerLocale: who.locale,
      lineItems: [{ title: "Rattan Tray", price: "22.00", quantity: 1 }],
    });
    stack.sim.payOrder(shop, order.id);
    const fulfillment = stack.sim.fulfillOrder(shop, order.id, {
      trackingCompany: "DHL",
      trackingNumber: `JD${order.id}`,
    });
    return { ...who, orderId: order.id, name: `#${order.orderNumber}`, fulfillmentId: fulfillment.id };
  });
}

const subjects: Record<Shopper["language"], Record<string, (name: string) => string>> = {
  en: {
    order_received: (n) => `Thanks for your order ${n}`,
    first_order_thank_you: () => "Welcome to Shop test-shop.myshopify.com, Buyer0",
    shipped: (n) => `Your order ${n} is on its way`,
    delayed: (n) => `Your order ${n} is running late`,
    out_for_delivery: (n) => `Your order ${n} is out for delivery`,
    delivered: (n) => `Your order ${n} has been delivered`,
    nps_survey: (n) => `Shop test-shop.myshopify.com: how did we do with order ${n}?`,
  },
  id: {
    order_received: (n) => `Terima kasih atas pesanan ${n}`,
    first_order_thank_you: () => "Selamat datang di Shop test-shop.myshopify.com, Buyer1",
    shipped: (n) => `Pesanan ${n} sedang dalam perjalanan`,
    delayed: (n) => `Pesanan ${n} Anda terlambat`,
    out_for_delivery: (n) => `Pesanan ${n} sedang diantar`,
    delivered: (n) => `Pesanan ${n} sudah sampai`,
    nps_survey: (n) => `Shop test-shop.myshopify.com: bagaimana pengalaman Anda dengan pesanan ${n}?`,
  },
  fil: {
    order_received: (n) => `Salamat sa iyong order ${n}`,
    shipped: (n) => `Papunta na sa iyo ang order ${n}`,
    delayed: (n) => `Naaantala ang order mo na ${n}`,
    out_for_delivery: (n) => `Ihahatid na ngayon ang order ${n}`,
    delivered: (n) => `Naihatid na ang order ${n}`,
    nps_survey: (n) => `Shop test-shop.myshopify.com: kumusta ang karanasan mo sa order ${n}?`,
  },
};

const surveyThanks = { en: "a 7 out of 10", id: "nilai 7 dari 10", fil: "ng 7 sa 10" };

async function checkLinks(who: Shopper, byKind: Map<string, CaughtMessage>) {
  const shipped = byKind.get("shipped");
  expect(shipped?.html).toContain(`href="https://www.dhl.com/en/express/tracking.html?AWB=JD${who.orderId}"`);
  expect(shipped?.text).toContain(`JD${who.orderId}`);
  const survey = byKind.get("nps_survey");
  const links = [...(survey?.html ?? "").matchAll(/href="([^"]*\/nps\/[^"]+)"/g)].map((match) => match[1] ?? "");
  expect(links).toHaveLength(11);
  const page = await fetch(links[7] ?? "");
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(`<html lang="${who.language}">`);
  expect(html).toContain(surveyThanks[who.language]);
}

describe("every email of an order, over SMTP", () => {
  test("each kind arrives once, in the order's language (a guest's too), with its subject and links", async () => {
    stack.sim.setDuplicates(1);
    const shoppers = placeOrders();
    await settled();
    // The parcels are late by their shipment's window: the hourly check (run here as of then) apologises once.
    const windows = await Promise.all(
      shoppers.map(async (who) => {
        const shipment = await stack.services.prisma.orderShipment.findFirstOrThrow({
          where: { shopifyOrderId: BigInt(who.orderId) },
        });
        return stack.services.shipping.estimateForShipment(shopId, {
          ...shipment,
          countryCode: "US",
          shippingMethod: null,
        });
      }),
    );
    const latest =
      windows
        .map((window) => window.latest)
        .sort()
        .at(-1) ?? "";
    const lateAt = new Date(Date.parse(`${latest}T12:00:00Z`) + 36 * 3600 * 1000);
    for (let run = 0; run < 2; run += 1) await runDelayedCheck(stack.services.delayedCheckQueue, lateAt);
    await waitFor("three apologies", async () => {
      const rows = await stack.services.prisma.emailOutbox.findMany({ where: { kind: "delayed", status: "sent" } });
      return rows.length === 3;
    });
    for (const who of shoppers) stack.sim.updateFulfillmentStatus(shop, who.fulfillmentId, "out_for_delivery");
    await settled();
    for (const who of shoppers) stack.sim.updateFulfillmentStatus(shop, who.fulfillmentId, "delivered");
    await settled();
    stack.sim.setDuplicates(0);
    // An order email waits (a couple of seconds at a time) for the thank-you code being created alongside it.
    await waitFor(
      "every email sent",
      async () => (await stack.services.prisma.emailOutbox.count({ where: { status: { not: "sent" } } })) === 0,
      60_000,
    );

    for (const who of shoppers) {
      const rows = await rowsTo(who.email);
      const kinds = Object.keys(subjects[who.language]);
      expect(rows.map((row) => row.kind).sort()).toEqual([...kinds].sort());
      for (const row of rows) expect([row.kind, row.status, row.language]).toEqual([row.kind, "sent", who.language]);
      const messages = catcher.messages({ to: who.email });
      expect(messages).toHaveLength(kinds.length);
      const byKind = new Map(rows.map((row) => [row.kind, messages.find((m) => m.messageId === row.messageId)]));
      for (const kind of kinds) {
        expect(byKind.get(kind)?.subject).toBe(subjects[who.language][kind]?.(who.name));
      }
      await checkLinks(who, new Map([...byKind].filter((entry): entry is [string, CaughtMessage] => !!entry[1])));
    }
  });
});

describe("SMTP down while an order's webhooks arrive", () => {
  test("every email waits, retrying, and arrives once when the server is back", async () => {
    await catcher.stopSmtp();
    stack.sim.setDuplicates(1);
    const email = "outage@example.com";
    const customer = stack.sim.createCustomer(shop, { firstName: "Odin", lastName: "T", email, locale: "id" });
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      customerLocale: "id",
      lineItems: [{ title: "Kopi", price: "12.00", quantity: 1 }],
    });
    stack.sim.payOrder(shop, order.id);
    const fulfillment = stack.sim.fulfillOrder(shop, order.id, { trackingCompany: "DHL", trackingNumber: "JDOUT1" });
    await stack.sim.settle();
    stack.sim.updateFulfillmentStatus(shop, fulfillment.id, "out_for_delivery");
    await stack.sim.settle();
    stack.sim.setDuplicates(0);
    const kinds = ["order_received", "first_order_thank_you", "shipped", "out_for_delivery"];
    const refused = await waitFor(
      "each email refused twice",
      async () => {
        const rows = await rowsTo(email);
        const waiting = rows.filter((row) => row.status === "queued" && row.attempts >= 2);
        return rows.length === kinds.length && waiting.length === kinds.length ? rows : null;
      },
      30_000,
    );
    expect(refused.map((row) => row.lastResponse)).toEqual(
      kinds.map(() => expect.stringMatching(/ECONNREFUSED|ECONNECTION|ESOCKET/)),
    );
    expect(catcher.messages({ to: email })).toHaveLength(0);

    await catcher.startSmtp();
    await waitFor("every email sent", async () => (await rowsTo(email)).every((row) => row.status === "sent"), 30_000);
    stack.sim.updateFulfillmentStatus(shop, fulfillment.id, "delivered");
    await settled();
    const rows = await rowsTo(email);
    expect(rows.map((row) => [row.kind, row.status]).sort()).toEqual(
      [...kinds, "delivered", "nps_survey"].map((kind) => [kind, "sent"]).sort(),
    );
    const messages = catcher.messages({ to: email });
    expect(messages.map((message) => message.messageId).sort()).toEqual(rows.map((row) => row.messageId).sort());
  });
});

describe("a parcel's emails in the journey's order, whatever order the webhooks come in", () => {
  async function shippedOrders(prefix: string, count: number) {
    const orders = Array.from({ length: count }, (_, index) => {
      const email = `${prefix}${index}@example.com`;
      const order = stack.sim.createOrder(shop, { email, lineItems: [{ title: "Tea", price: "9.00", quantity: 1 }] });
      const fulfillment = stack.sim.fulfillOrder(shop, order.id, {
        trackingCompany: "UPS",
        trackingNumber: `1Z${order.id}`,
      });
      return { email, fulfillmentId: fulfillment.id };
    });
    await settled();
    return orders;
  }

  const kindsCaught = (to: string) =>
    catcher
      .messages({ to })
      .map((message) =>
        /delivered$/.test(message.subject)
          ? "delivered"
          : /out for delivery$/.test(message.subject)
            ? "out_for_delivery"
            : "other",
      );

  test("delivered before out for delivery (reversed, shuffled, duplicated, reported twice): one delivered, nothing after it", async () => {
    const orders = await shippedOrders("reordered", 6);
    stack.sim.holdDeliveries();
    stack.sim.setDuplicates(2);
    for (const { fulfillmentId } of orders) {
      stack.sim.updateFulfillmentStatus(shop, fulfillmentId, "out_for_delivery");
      stack.sim.updateFulfillmentStatus(shop, fulfillmentId, "delivered");
      stack.sim.updateFulfillmentStatus(shop, fulfillmentId, "delivered");
    }
    await stack.sim.releaseDeliveries({ order: "reverse" });
    await settled();
    stack.sim.holdDeliveries();
    for (const { fulfillmentId } of orders) stack.sim.updateFulfillmentStatus(shop, fulfillmentId, "out_for_delivery");
    await stack.sim.releaseDeliveries({ order: "shuffle", seed: 7 });
    await settled();
    stack.sim.setDuplicates(0);
    for (const { email } of orders) {
      const kinds = kindsCaught(email).filter((kind) => kind !== "other");
      expect(kinds.filter((kind) => kind === "delivered")).toHaveLength(1);
      expect(kinds.at(-1)).toBe("delivered");
    }
  });

  test("an out-for-delivery email held back (the shop's delay, a retry) is dropped once delivered was sent", async () => {
    const [order] = await shippedOrders("held", 1);
    const later = { enabled: true, delayMinutes: 60 };
    await adminApi(stack, shop, "PUT", "/api/settings/emails", { kinds: { out_for_delivery: later } });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the worker's settings cache lives 2 s
    stack.sim.updateFulfillmentStatus(shop, order?.fulfillmentId ?? 0, "out_for_delivery");
    await settled();
    stack.sim.updateFulfillmentStatus(shop, order?.fulfillmentId ?? 0, "delivered");
    await settled();
    const held = await stack.services.prisma.emailOutbox.findFirstOrThrow({
      where: { toAddress: order?.email, kind: "out_for_delivery" },
    });
    expect(held.status).toBe("queued");
    // Its time comes (as after a retry's backoff): it is not sent after the delivered email.
    await stack.services.prisma.emailOutbox.update({ where: { id: held.id }, data: { nextAttemptAt: new Date() } });
    await (await stack.services.emailQueue.getJob(`email-${held.id}`))?.promote();
    await waitFor("the held email to be decided", async () => {
      const row = await stack.services.prisma.emailOutbox.findUniqueOrThrow({ where: { id: held.id } });
      return row.status === "queued" || row.status === "sending" ? null : row;
    });
    const row = await stack.services.prisma.emailOutbox.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ status: "skipped", lastError: "superseded: the order's delivered email exists" });
    expect(kindsCaught(order?.email ?? "").filter((kind) => kind !== "other")).toEqual(["delivered"]);
    await adminApi(stack, shop, "PUT", "/api/settings/emails", {
      kinds: { out_for_delivery: { enabled: true, delayMinutes: 0 } },
    });
  });
});
