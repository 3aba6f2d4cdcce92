import { DateTime } from "luxon";
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { campaignTestKit, customerIdOf, placeOrder, saveCampaigns } from "../support/campaign-fixtures.js";
import { startEmailStack } from "../support/email-fixtures.js";
import { adminHeaders } from "../support/jakarta-shop.js";
import type { TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let kit: ReturnType<typeof campaignTestKit>;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack({ workers: 1 }));
  kit = campaignTestKit(stack, catcher);
});
afterAll(() => stop());

const zone = "Asia/Jakarta";
/** The controlled clock: 10:00 in Jakarta on 15 June 2027. */
const T = DateTime.fromISO("2027-06-15T10:00:00", { zone });
const mailTo = (id: number) => kit.mailTo(id);
const who = (domain: string, label: number) => kit.who(domain, label);

describe("campaign settings API", () => {
  test("defaults, one message per invalid field, and a saved document read back", async () => {
    const { domain } = await kit.newShop("settings-shop");
    const read = await fetch(`${stack.appUrl}/api/campaigns`, { headers: adminHeaders(domain) });
    const { settings } = (await read.json()) as { settings: Record<string, { enabled: boolean; days?: number }> };
    expect(settings.winback).toMatchObject({ enabled: false, days: 90 });

    const bad = await fetch(`${stack.appUrl}/api/campaigns`, {
      method: "PUT",
      headers: adminHeaders(domain),
      body: JSON.stringify({
        ...settings,
        winback: {
          ...settings.winback,
          days: 0,
          offer: { type: "coupon", kind: "percentage", value: "150", validityDays: 30 },
        },
        birthday: { ...settings.birthday, window: "year" },
      }),
    });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(problem.error.fields).sort()).toEqual([
      "birthday.window",
      "winback.days",
      "winback.offer.value",
    ]);

    const good = await fetch(`${stack.appUrl}/api/campaigns`, {
      method: "PUT",
      headers: adminHeaders(domain),
      body: JSON.stringify({ ...settings, winback: { ...settings.winback, enabled: true, days: 60 } }),
    });
    expect(good.status).toBe(200);
    const again = await fetch(`${stack.appUrl}/api/campaigns`, { headers: adminHeaders(domain) });
    expect(((await again.json()) as { settings: typeof settings }).settings.winback).toMatchObject({
      enabled: true,
      days: 60,
    });
    const unauthenticated = await fetch(`${stack.appUrl}/api/campaigns`);
    expect(unauthenticated.status).toBe(401);
  });
});

describe("win-back", () => {
  test("one message per lapse with a personal code, through duplicate runs and a worker restart; consent and tier", async () => {
    const { domain, shopId } = await kit.newShop("winback-shop");
    await kit.addShoppers(domain, [710, 711, 712, 713, 714]);
    await saveCampaigns(stack, domain, {
      winback: {
        enabled: true,
        days: 90,
        offer: { type: "coupon", kind: "percentage", value: "15", validityDays: 30 },
        target: { tiers: ["Gold"], segments: [] },
      },
    });
    // 710: lapsed 100 days, gold, subscribed. 711: lapsed but not subscribed. 712: ordered 10 days ago.
    // 713: lapsed, subscribed, but silver. 714: lapsed exactly 89 local days: not yet.
    await placeOrder(stack, domain, { orderId: 7100001, customerId: who(domain, 710), at: T.minus({ days: 100 }) });
    await placeOrder(stack, domain, {
      orderId: 7110001,
      customerId: who(domain, 711),
      at: T.minus({ days: 100 }),
      consent: "not_subscribed",
    });
    await placeOrder(stack, domain, { orderId: 7120001, customerId: who(domain, 712), at: T.minus({ days: 10 }) });
    await placeOrder(stack, domain, { orderId: 7130001, customerId: who(domain, 713), at: T.minus({ days: 100 }) });
    await placeOrder(stack, domain, { orderId: 7140001, customerId: who(domain, 714), at: T.minus({ days: 89 }) });
    for (const id of [710, 711, 712, 714]) await kit.setTier(shopId, who(domain, id), "gold");
    await kit.setTier(shopId, who(domain, 713), "silver");

    await kit.runAt(shopId, T);
    await kit.runAt(shopId, T.plus({ hours: 1 }));
    // A restart: the worker goes away and a new one takes over; the next runs find everything done.
    await stack.workers.shift()?.close();
    stack.startWorker();
    await kit.runAt(shopId, T.plus({ hours: 2 }));

    const ann = mailTo(who(domain, 710));
    expect(ann).toHaveLength(1);
    expect(ann[0]?.subject).toBe("We miss you, Ann");
    expect(ann[0]?.headers.list).toContain(`${stack.appUrl}/email/unsubscribe/`);
    const code = /BACK-[A-Z2-9]{12}/.exec(ann[0]?.text ?? "")?.[0] ?? "";
    expect(code).not.toBe("");
    const inShopify = stack.sim.discountCodes(domain).filter((entry) => entry.code.startsWith("BACK-"));
    expect(inShopify.map((entry) => entry.code)).toEqual([code]);
    expect(inShopify[0]?.customerIds).toEqual([who(domain, 710)]);
    for (const id of [711, 712, 713]) expect(mailTo(who(domain, id))).toEqual([]);
    expect(mailTo(who(domain, 714))).toEqual([]);
    // 714 reaches 90 days the next local day.
    await kit.runAt(shopId, T.plus({ days: 1, hours: 1 }));
    expect(mailTo(who(domain, 714))).toHaveLength(1);

    // Ann comes back with the code (a redemption with its revenue), then lapses again: a second message.
    await placeOrder(stack, domain, {
      orderId: 7100002,
      customerId: who(domain, 710),
      at: T.plus({ days: 3 }),
      subtotal: "55.00",
      discountCodes: [code],
    });
    // The loyalty program recalculates tiers on each order; the test keeps Ann in gold.
    await kit.setTier(shopId, who(domain, 710), "gold");
    await kit.runAt(shopId, T.plus({ days: 50 }));
    expect(mailTo(who(domain, 710))).toHaveLength(1);
    await kit.runAt(shopId, T.plus({ days: 94 }));
    await kit.runAt(shopId, T.plus({ days: 95 }));
    expect(mailTo(who(domain, 710))).toHaveLength(2);
    // By then 712 (last order 10 days before T) has lapsed too; 711 never consented, 713 is not gold.
    expect(mailTo(who(domain, 712))).toHaveLength(1);
    expect(mailTo(who(domain, 711))).toEqual([]);
    expect(mailTo(who(domain, 713))).toEqual([]);

    const stats = await fetch(`${stack.appUrl}/api/campaigns/stats`, { headers: adminHeaders(domain) });
    const body = (await stats.json()) as {
      campaigns: { campaign: string; sends: number; redemptions: number; revenue: string }[];
    };
    expect(body.campaigns.find((row) => row.campaign === "winback")).toEqual({
      campaign: "winback",
      sends: 4,
      redemptions: 1,
      revenue: "55.00",
    });
    // The not-subscribed customer got no code and no points either.
    const customer711 = await customerIdOf(stack, shopId, who(domain, 711));
    expect(await stack.services.prisma.campaignSend.count({ where: { customerId: customer711 } })).toBe(0);
  });

  test("a run interrupted after claiming a send finishes it with one code and one email", async () => {
    const { domain, shopId } = await kit.newShop("crash-shop");
    await kit.addShoppers(domain, [720]);
    await saveCampaigns(stack, domain, {
      winback: {
        enabled: true,
        days: 90,
        offer: { type: "coupon", kind: "fixed_amount", value: "5", validityDays: 14 },
        target: { tiers: [], segments: [] },
      },
    });
    await placeOrder(stack, domain, { orderId: 7200001, customerId: who(domain, 720), at: T.minus({ days: 120 }) });
    const customerId = await customerIdOf(stack, shopId, who(domain, 720));
    // What a crash between the claim and Shopify leaves: the row with its pending code, no email.
    await stack.services.repositories.campaignSends.claim({
      shopId,
      campaign: "winback",
      customerId,
      periodKey: `winback:${customerId}:7200001`,
      code: "BACK-CRASHCRASHCR",
      codeEndsAt: T.plus({ days: 14 }).toJSDate(),
      points: null,
    });
    await kit.runAt(shopId, T);
    await kit.runAt(shopId, T);
    const mail = mailTo(who(domain, 720));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain("BACK-CRASHCRASHCR");
    const codes = stack.sim.discountCodes(domain).filter((entry) => entry.code.startsWith("BACK-"));
    expect(codes.map((entry) => entry.code)).toEqual(["BACK-CRASHCRASHCR"]);
  });
});
