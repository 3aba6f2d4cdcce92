import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { adminApi } from "../support/admin-api.js";
import { emailsSettled, startEmailStack } from "../support/email-fixtures.js";
import { inboxSettled, installShop } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shop: string;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack({ workers: 2 }));
  shop = await installShop(stack);
  // The first-order thank-you normally waits 30 minutes; here it goes at once.
  const saved = await adminApi(stack, shop, "PUT", "/api/settings/emails", {
    kinds: { first_order_thank_you: { enabled: true, delayMinutes: 0 } },
  });
  expect(saved.status).toBe(200);
});
afterAll(() => stop());

const inbox = (to: string) => catcher.messages({ to });
const subjects = (to: string) => inbox(to).map((message) => message.subject);

async function settled() {
  await stack.sim.settle();
  await waitFor("webhooks processed", () => inboxSettled(stack));
  await waitFor("emails sent", () => emailsSettled(stack));
}

function customer(name: string, locale: string) {
  return stack.sim.createCustomer(shop, {
    firstName: name,
    lastName: "Tester",
    email: `${name.toLowerCase()}@example.com`,
    locale,
  });
}

describe("order and shipping emails", () => {
  test("a first order's whole life, every webhook delivered three times: each email once, in Indonesian", async () => {
    stack.sim.setDuplicates(2);
    const siti = customer("Siti", "id");
    const order = stack.sim.createOrder(shop, {
      customerId: siti.id,
      customerLocale: "id-ID",
      lineItems: [{ title: "Batik Scarf", price: "150000.00", quantity: 1 }],
    });
    stack.sim.payOrder(shop, order.id);
    await waitFor("order received", async () => subjects(siti.email).some((s) => s.startsWith("Terima kasih atas")));
    await waitFor("first-order thank-you", async () =>
      subjects(siti.email).some((s) => s.startsWith("Selamat datang")),
    );

    const fulfillment = stack.sim.fulfillOrder(shop, order.id, {
      trackingCompany: "DHL",
      trackingNumber: "JD0146000034",
    });
    await waitFor("shipped", async () => subjects(siti.email).some((s) => s.includes("dalam perjalanan")));
    stack.sim.updateFulfillmentStatus(shop, fulfillment.id, "out_for_delivery");
    await waitFor("out for delivery", async () => subjects(siti.email).some((s) => s.includes("sedang diantar")));
    stack.sim.updateFulfillmentStatus(shop, fulfillment.id, "delivered");
    await waitFor("delivered", async () => subjects(siti.email).some((s) => s.includes("sudah sampai")));
    await settled();
    stack.sim.setDuplicates(0);

    const name = `#${order.orderNumber}`;
    // Her 150,000 order also lifts her to a loyalty tier: that email (tier_up) is the loyalty program's, not this test's.
    const orderSubjects = (await stack.services.prisma.emailOutbox.findMany({ where: { toAddress: siti.email } }))
      .filter((row) => row.kind !== "tier_up")
      .map((row) => row.subject);
    expect(
      subjects(siti.email)
        .filter((subject) => orderSubjects.includes(subject))
        .sort(),
    ).toEqual(
      [
        `Terima kasih atas pesanan ${name}`,
        "Selamat datang di Shop test-shop.myshopify.com, Siti",
        `Pesanan ${name} sedang dalam perjalanan`,
        `Pesanan ${name} sedang diantar`,
        `Pesanan ${name} sudah sampai`,
      ].sort(),
    );
    const byStart = (prefix: string) => inbox(siti.email).find((message) => message.subject.startsWith(prefix));
    const received = byStart("Terima kasih");
    expect(received?.text).toContain("1 x Batik Scarf");
    expect(received?.text).toMatch(/Perkiraan tiba: \S+, \d+ \S+/);
    // The thank-you coupon Afterglow issued for this first order is in the email.
    const coupon = await stack.services.prisma.coupon.findFirstOrThrow({ where: { shopifyOrderId: BigInt(order.id) } });
    expect(coupon.status).toBe("issued");
    expect(received?.text).toContain(coupon.code);
    expect(received?.html).toContain(coupon.code);
    const shipped = byStart(`Pesanan ${name} sedang dalam`);
    expect(shipped?.text).toContain("Nomor resi: JD0146000034");
    expect(shipped?.html).toContain('href="https://www.dhl.com/en/express/tracking.html?AWB=JD0146000034"');
    expect(shipped?.from).toContain("orders@afterglow.local");
  });

  test("English and Filipino customers get their language; an unknown locale gets the shop's", async () => {
    const ann = customer("Ann", "en");
    const jose = customer("Jose", "fil");
    const pierre = customer("Pierre", "fr");
    await adminApi(stack, shop, "PUT", "/api/settings/emails", { defaultLanguage: "fil" });
    for (const who of [ann, jose, pierre]) {
      const order = stack.sim.createOrder(shop, {
        customerId: who.id,
        customerLocale: who.locale,
        lineItems: [{ title: "Mug", price: "10.00", quantity: 1 }],
      });
      stack.sim.payOrder(shop, order.id);
    }
    await waitFor("three order emails", async () =>
      [ann, jose, pierre].every((who) => subjects(who.email).some((s) => s.includes("#"))),
    );
    expect(subjects(ann.email).find((s) => s.includes("#"))).toMatch(/^Thanks for your order #\d+$/);
    expect(subjects(jose.email).find((s) => s.includes("#"))).toMatch(/^Salamat sa iyong order #\d+$/);
    expect(subjects(pierre.email).find((s) => s.includes("#"))).toMatch(/^Salamat sa iyong order #\d+$/);
    await adminApi(stack, shop, "PUT", "/api/settings/emails", { defaultLanguage: "en" });
  });

  test("a fulfillment that arrives before its order still writes in the customer's language", async () => {
    const liza = customer("Liza", "fil");
    await waitFor("the customer recorded", async () =>
      stack.services.prisma.customer.findFirst({ where: { email: liza.email } }),
    );
    stack.sim.holdDeliveries();
    const order = stack.sim.createOrder(shop, {
      customerId: liza.id,
      customerLocale: "fil",
      lineItems: [{ title: "Banig Mat", price: "30.00", quantity: 1 }],
    });
    stack.sim.fulfillOrder(shop, order.id, { trackingCompany: "LBC", trackingNumber: "LBC555" });
    await stack.sim.releaseDeliveries({ order: "reverse" });
    await settled();
    expect(subjects(liza.email)).toContain(`Papunta na sa iyo ang order #${order.orderNumber}`);
  });

  test("a guest's fulfillment that arrives before the order waits for it, and writes in the order's language", async () => {
    const email = "gabriela.guest@example.com";
    stack.sim.holdDeliveries();
    const order = stack.sim.createOrder(shop, {
      email,
      customerLocale: "fil",
      lineItems: [{ title: "Banig Mat", price: "30.00", quantity: 1 }],
    });
    stack.sim.fulfillOrder(shop, order.id, { trackingCompany: "LBC", trackingNumber: "LBC556" });
    await stack.sim.releaseDeliveries({ order: "reverse" });
    const shipped = `Papunta na sa iyo ang order #${order.orderNumber}`;
    await waitFor("the shipped email", async () => subjects(email).includes(shipped));
    await settled();
    const rows = await stack.services.prisma.emailOutbox.findMany({ where: { toAddress: email } });
    expect(rows.map((row) => [row.kind, row.language]).sort()).toEqual([
      ["order_received", "fil"],
      ["shipped", "fil"],
    ]);
    expect(subjects(email).filter((subject) => subject === shipped)).toHaveLength(1);
  });

  test("a kind switched off sends nothing and says so in the outbox", async () => {
    await adminApi(stack, shop, "PUT", "/api/settings/emails", {
      kinds: { shipped: { enabled: false, delayMinutes: 0 } },
    });
    const rina = customer("Rina", "en");
    const order = stack.sim.createOrder(shop, {
      customerId: rina.id,
      lineItems: [{ title: "Tea", price: "9.00", quantity: 1 }],
    });
    stack.sim.fulfillOrder(shop, order.id, { trackingCompany: "UPS", trackingNumber: "1Z1" });
    await settled();
    expect(subjects(rina.email).some((s) => s.includes("on its way"))).toBe(false);
    const listed = await adminApi(stack, shop, "GET", "/api/emails?status=skipped");
    const emails = listed.json.emails as { kind: string; to: string; lastError: string }[];
    expect(emails).toContainEqual(
      expect.objectContaining({ kind: "shipped", to: rina.email, lastError: "shipped emails are switched off" }),
    );
    await adminApi(stack, shop, "PUT", "/api/settings/emails", {
      kinds: { shipped: { enabled: true, delayMinutes: 0 } },
    });
  });
});
