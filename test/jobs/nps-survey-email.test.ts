import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { readSurveyToken, surveyLinkDays } from "../../server/domain/nps/survey-links.js";
import { emailQueueIdle, startEmailStack } from "../support/email-fixtures.js";
import { fixturePayload, inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let domain: string;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack());
  domain = await installShop(stack);
});
afterAll(() => stop());

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();

async function deliver(topic: string, payload: unknown) {
  expect((await postWebhook(stack, { topic, shop: domain, payload })).status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
}

async function placeOrder(orderId: number, customerId: number, locale: string) {
  await deliver("orders/paid", { ...paidOrderPayload(orderId, customerId, "42.50"), customer_locale: locale });
}

function fulfillment(orderId: number, shipmentStatus: string, updatedAt: string) {
  return {
    ...fixturePayload("fulfillments/update"),
    id: orderId + 1,
    order_id: orderId,
    shipment_status: shipmentStatus,
    created_at: daysAgo(6),
    updated_at: updatedAt,
  };
}

const surveyRows = () => stack.services.prisma.emailOutbox.findMany({ where: { kind: "nps_survey" } });

describe("the post-delivery survey email", () => {
  test("delivered four days ago: one survey email, in the customer's language, whatever the duplicates", async () => {
    const orderId = 5550000000301;
    await placeOrder(orderId, 9301, "id-ID");
    await deliver("fulfillments/update", fulfillment(orderId, "in_transit", daysAgo(5)));
    for (let i = 0; i < 3; i += 1) await deliver("fulfillments/update", fulfillment(orderId, "delivered", daysAgo(4)));
    // An out-of-order older status after delivery changes nothing.
    await deliver("fulfillments/update", fulfillment(orderId, "out_for_delivery", daysAgo(4.5)));
    await waitFor("the survey email", async () => catcher.messages({ to: "c9301@example.com" }).length > 0);
    await waitFor("the email queue to drain", () => emailQueueIdle(stack));
    const messages = catcher.messages({ to: "c9301@example.com" });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.subject).toBe("Shop test-shop.myshopify.com: bagaimana pengalaman Anda dengan pesanan #301?");
    const links = [...(message?.html ?? "").matchAll(/href="([^"]*\/nps\/[^"]+)"/g)].map((match) => match[1] ?? "");
    expect(links).toHaveLength(11);
    expect(message?.text).toContain(`10: ${links[10]}`);
    const recorded = await stack.services.prisma.orderDelivery.findMany({ where: { shopifyOrderId: BigInt(orderId) } });
    expect(recorded).toHaveLength(1);

    // Signed as the email was rendered to send: the links take answers for 30 days from then.
    const sent = (await surveyRows()).find((email) => email.shopifyOrderId === BigInt(orderId));
    const claim = readSurveyToken(stack.services.emailLinks, links[8]?.split("/").pop() ?? "");
    const thirtyDaysLater = (sent?.sentAt?.getTime() ?? 0) + surveyLinkDays * 24 * 3600 * 1000;
    expect(Math.abs((claim?.expiresAt?.getTime() ?? 0) - thirtyDaysLater)).toBeLessThan(60_000);
    const page = await fetch(links[8] ?? "");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("nilai 8 dari 10");
    const response = await stack.services.prisma.npsResponse.findFirstOrThrow({
      where: { shopifyOrderId: BigInt(orderId) },
    });
    expect(response).toMatchObject({ score: 8, language: "id" });
  });

  test("delivered just now: the survey waits the shop's delay (three days by default)", async () => {
    const orderId = 5550000000302;
    const deliveredAt = new Date(Date.now() - 60_000);
    deliveredAt.setMilliseconds(0);
    await placeOrder(orderId, 9302, "en");
    await deliver("fulfillments/update", fulfillment(orderId, "delivered", deliveredAt.toISOString()));
    const row = (await surveyRows()).find((email) => email.shopifyOrderId === BigInt(orderId));
    expect(row?.status).toBe("queued");
    expect(row?.sendAfter.getTime()).toBe(deliveredAt.getTime() + 3 * 24 * 3600 * 1000);
    expect(catcher.messages({ to: "c9302@example.com" })).toHaveLength(0);
  });

  test("a shop that switched the survey off gets no survey email", async () => {
    const shop = await stack.services.repositories.shops.findByDomain(domain);
    const settings = await stack.services.repositories.emailSettings.settingsFor(shop?.id ?? 0);
    await stack.services.repositories.emailSettings.save(shop?.id ?? 0, {
      ...settings,
      kinds: { nps_survey: { enabled: false, delayMinutes: 0 } },
    });
    const orderId = 5550000000303;
    await placeOrder(orderId, 9303, "en");
    await deliver("fulfillments/update", fulfillment(orderId, "delivered", daysAgo(4)));
    const row = (await surveyRows()).find((email) => email.shopifyOrderId === BigInt(orderId));
    expect(row).toMatchObject({ status: "skipped", lastError: "nps_survey emails are switched off" });
  });
});
