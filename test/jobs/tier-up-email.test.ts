// Moving up a tier sends one email in the customer's language over SMTP; moving down or a switched-off kind sends none.
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { movedUp } from "../../server/domain/loyalty/tier-up-email.js";
import { adminApi } from "../support/admin-api.js";
import { emailsSettled, startEmailStack } from "../support/email-fixtures.js";
import { customerPoints, plainEarning, refundPayload, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shop: string;
let shopId: number;

const tiers = [
  { name: "Bronze", threshold: "0", multiplier: "1", perks: [] },
  { name: "Silver", threshold: "100", multiplier: "1.25", perks: ["Free shipping"] },
  { name: "Gold", threshold: "300", multiplier: "1.5", perks: ["Free shipping", "Early access to sales"] },
];

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack());
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  await useLoyaltySettings(stack, shop, { ...plainEarning, tierBasis: "points_earned", tiers });
});
afterAll(() => stop());

async function send(topic: string, payload: unknown, webhookId?: string) {
  expect((await postWebhook(stack, { shop, topic, payload, webhookId })).status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
  await waitFor("emails sent", () => emailsSettled(stack));
}

/** A paid order placed in the customer's language (orders record customer_locale, which emails follow). */
const paidIn = (locale: string, orderId: number, customerId: number, subtotal: string) => ({
  ...paidOrderPayload(orderId, customerId, subtotal),
  customer_locale: locale,
});

const tierMail = (shopifyCustomerId: number) =>
  stack.services.prisma.emailOutbox.findMany({
    where: { shopId, kind: "tier_up", toAddress: `c${shopifyCustomerId}@example.com` },
    orderBy: { id: "asc" },
  });
const caught = (shopifyCustomerId: number, subject: RegExp) =>
  catcher.messages({ to: `c${shopifyCustomerId}@example.com` }).filter((message) => subject.test(message.subject));

describe("the tier-up email", () => {
  test("up to Silver then Gold: one email each, in Indonesian, with the perks; a replayed order sends nothing", async () => {
    await send("orders/paid", paidIn("id-ID", 95101, 951, "50.00"));
    expect((await customerPoints(stack, 951)).tier).toBe("Bronze");
    expect(await tierMail(951)).toEqual([]); // the first tier is where everyone starts

    await send("orders/paid", paidIn("id-ID", 95102, 951, "80.00"));
    expect((await customerPoints(stack, 951)).tier).toBe("Silver");
    await send("orders/paid", paidIn("id-ID", 95102, 951, "80.00")); // same order again, another webhook id
    const [silver] = caught(951, /Silver/);
    expect(caught(951, /Silver/)).toHaveLength(1);
    expect(silver?.subject).toBe("Anda mencapai tingkat Silver");
    expect(silver?.text).toContain("tingkat Anda naik dari Bronze ke Silver");
    expect(silver?.text).toContain("1.25 kali poin");
    expect(silver?.html).toContain("<li>Free shipping</li>");

    await send("orders/paid", paidIn("id-ID", 95103, 951, "200.00"));
    expect((await customerPoints(stack, 951)).tier).toBe("Gold");
    expect(caught(951, /Gold/).map((message) => message.subject)).toEqual(["Anda mencapai tingkat Gold"]);
    expect((await tierMail(951)).map((row) => [row.status, row.language])).toEqual([
      ["sent", "id"],
      ["sent", "id"],
    ]);
  });

  test("Filipino, straight to Silver; a refund that moves the customer down sends nothing", async () => {
    await send("orders/paid", paidIn("fil", 95201, 952, "150.00"));
    expect(caught(952, /Silver/).map((message) => message.subject)).toEqual(["Naabot mo ang Silver"]);
    await send("refunds/create", refundPayload(995201, 95201, "150.00"));
    expect((await customerPoints(stack, 952)).tier).toBe("Bronze");
    expect(await tierMail(952)).toHaveLength(1);
  });

  test("switched off in the email settings: the crossing is recorded, the email skipped", async () => {
    const off = await adminApi(stack, shop, "PUT", "/api/settings/emails", {
      kinds: { tier_up: { enabled: false, delayMinutes: 0 } },
    });
    expect(off.status).toBe(200);
    await send("orders/paid", paidIn("en", 95301, 953, "120.00"));
    expect((await customerPoints(stack, 953)).tier).toBe("Silver");
    expect((await tierMail(953)).map((row) => [row.status, row.lastError])).toEqual([
      ["skipped", "tier_up emails are switched off"],
    ]);
    expect(caught(953, /Silver/)).toEqual([]);
  });
});

describe("movedUp", () => {
  test.each([
    [null, "Bronze", null],
    [null, "Silver", "Silver"],
    ["Bronze", "Gold", "Gold"],
    ["Gold", "Silver", null],
    ["Silver", null, null],
    ["Renamed", "Silver", "Silver"],
  ])("%s -> %s announces %s", (from, to, announced) => {
    expect(movedUp(tiers, { from, to })?.name ?? null).toBe(announced);
  });
});
