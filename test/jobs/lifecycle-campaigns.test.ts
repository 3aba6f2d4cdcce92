import { DateTime } from "luxon";
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { campaignTestKit, customerIdOf, placeOrder, saveCampaigns } from "../support/campaign-fixtures.js";
import { startEmailStack } from "../support/email-fixtures.js";
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

describe("birthday, anniversary, replenishment and expiring codes", () => {
  test("birthday month with points: once a year, 29 February greeted in a common year", async () => {
    const { domain, shopId } = await kit.newShop("birthday-shop");
    await kit.addShoppers(domain, [730, 731, 732]);
    await saveCampaigns(stack, domain, {
      birthday: {
        enabled: true,
        window: "month",
        offer: { type: "points", points: 150 },
        target: { tiers: [], segments: [] },
      },
    });
    await placeOrder(stack, domain, { orderId: 7300001, customerId: who(domain, 730), at: T.minus({ days: 30 }) });
    await placeOrder(stack, domain, { orderId: 7310001, customerId: who(domain, 731), at: T.minus({ days: 30 }) });
    await placeOrder(stack, domain, {
      orderId: 7320001,
      customerId: who(domain, 732),
      at: T.minus({ days: 30 }),
      consent: "not_subscribed",
    });
    const leapling = await customerIdOf(stack, shopId, who(domain, 730));
    const march = await customerIdOf(stack, shopId, who(domain, 731));
    const unsubscribed = await customerIdOf(stack, shopId, who(domain, 732));
    await stack.services.prisma.customer.update({ where: { id: leapling }, data: { birthday: "02-29" } });
    await stack.services.prisma.customer.update({ where: { id: march }, data: { birthday: "03-15" } });
    await stack.services.prisma.customer.update({ where: { id: unsubscribed }, data: { birthday: "02-10" } });

    const feb2028 = DateTime.fromISO("2028-02-03T09:00:00", { zone });
    const feb2029 = DateTime.fromISO("2029-02-03T09:00:00", { zone });
    await kit.runAt(shopId, feb2028);
    await kit.runAt(shopId, feb2028.plus({ days: 20 }));
    await kit.runAt(shopId, feb2029);
    await kit.runAt(shopId, feb2029.plus({ days: 25 }));

    expect(mailTo(who(domain, 730)).map((message) => message.subject)).toEqual([
      "Happy birthday, Ann!",
      "Happy birthday, Ann!",
    ]);
    const points = await stack.services.prisma.ledgerEntry.findMany({
      where: { customerId: leapling, cause: "birthday" },
    });
    expect(points.map((entry) => entry.points)).toEqual([150, 150]);
    expect(mailTo(who(domain, 731))).toEqual([]);
    expect(mailTo(who(domain, 732))).toEqual([]);
    expect(
      await stack.services.prisma.ledgerEntry.count({ where: { customerId: unsubscribed, cause: "birthday" } }),
    ).toBe(0);
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
  });

  test("first-purchase anniversary once a year, targeted to the lost segment", async () => {
    const { domain, shopId } = await kit.newShop("anniversary-shop");
    await kit.addShoppers(domain, [740, 741, 742, 743, 744, 745]);
    await saveCampaigns(stack, domain, {
      anniversary: { enabled: true, offer: { type: "none" }, target: { tiers: [], segments: ["lost"] } },
    });
    // 740 ordered once two years ago: no order in the last year, so "lost". 741 started the same day and ordered
    // again last week: the most recent of the year's customers (742-745 ordered months ago), so "new", not lost.
    await placeOrder(stack, domain, {
      orderId: 7400001,
      customerId: who(domain, 740),
      at: T.minus({ years: 2, days: 2 }),
    });
    await placeOrder(stack, domain, {
      orderId: 7410001,
      customerId: who(domain, 741),
      at: T.minus({ years: 2, days: 2 }),
    });
    await placeOrder(stack, domain, { orderId: 7410002, customerId: who(domain, 741), at: T.minus({ days: 7 }) });
    for (const label of [742, 743, 744, 745]) {
      const at = T.minus({ days: 100 + (label - 742) * 50 });
      await placeOrder(stack, domain, { orderId: label * 10_000 + 1, customerId: who(domain, label), at });
    }
    await kit.runAt(shopId, T.minus({ days: 3 }));
    expect(mailTo(who(domain, 740))).toEqual([]);
    await kit.runAt(shopId, T);
    await kit.runAt(shopId, T.plus({ days: 3 }));
    expect(mailTo(who(domain, 740)).map((message) => message.subject)).toEqual(["2 years together: thank you"]);
    expect(mailTo(who(domain, 741))).toEqual([]);
  });

  test("replenishment: the buyer of a product with an interval is reminded once, unless they bought it again", async () => {
    const { domain, shopId } = await kit.newShop("refill-shop");
    await kit.addShoppers(domain, [750, 751, 752]);
    await saveCampaigns(stack, domain, {
      replenishment: {
        enabled: true,
        products: [{ productId: "8801234567014", variantId: null, title: "Tea Sampler", days: 30 }],
        offer: { type: "none" },
        target: { tiers: [], segments: [] },
      },
    });
    const tea = { id: 1, product_id: 8801234567014, variant_id: 4401234567014, title: "Tea Sampler", quantity: 1 };
    const mug = { id: 2, product_id: 8801234567007, variant_id: 4401234567007, title: "Ceramic Mug", quantity: 1 };
    await placeOrder(stack, domain, {
      orderId: 7500001,
      customerId: who(domain, 750),
      at: T.minus({ days: 31 }),
      lineItems: [tea, mug],
    });
    await placeOrder(stack, domain, {
      orderId: 7510001,
      customerId: who(domain, 751),
      at: T.minus({ days: 40 }),
      lineItems: [tea],
    });
    await placeOrder(stack, domain, {
      orderId: 7510002,
      customerId: who(domain, 751),
      at: T.minus({ days: 5 }),
      lineItems: [tea],
    });
    await placeOrder(stack, domain, {
      orderId: 7520001,
      customerId: who(domain, 752),
      at: T.minus({ days: 60 }),
      lineItems: [mug],
    });
    await kit.runAt(shopId, T);
    await kit.runAt(shopId, T.plus({ days: 2 }));
    expect(mailTo(who(domain, 750)).map((message) => message.subject)).toEqual(["Time to restock Tea Sampler?"]);
    expect(mailTo(who(domain, 751))).toEqual([]);
    expect(mailTo(who(domain, 752))).toEqual([]);
    // 751's latest tea is due 30 days after it.
    await kit.runAt(shopId, T.plus({ days: 25 }));
    expect(mailTo(who(domain, 751))).toHaveLength(1);
  });

  test("an unredeemed campaign code close to its end gets one reminder", async () => {
    const { domain, shopId } = await kit.newShop("expiring-shop");
    await kit.addShoppers(domain, [760]);
    await saveCampaigns(stack, domain, {
      winback: {
        enabled: true,
        days: 90,
        offer: { type: "coupon", kind: "percentage", value: "10", validityDays: 30 },
        target: { tiers: [], segments: [] },
      },
      expiring_coupon: { enabled: true, days: 7 },
    });
    await placeOrder(stack, domain, { orderId: 7600001, customerId: who(domain, 760), at: T.minus({ days: 100 }) });
    await kit.runAt(shopId, T);
    await kit.runAt(shopId, T.plus({ days: 10 }));
    expect(mailTo(who(domain, 760))).toHaveLength(1);
    await kit.runAt(shopId, T.plus({ days: 25 }));
    await kit.runAt(shopId, T.plus({ days: 26 }));
    const mail = mailTo(who(domain, 760));
    expect(mail).toHaveLength(2);
    expect(mail[1]?.subject).toMatch(/^Your code BACK-[A-Z2-9]{12} expires on 2027-07-15$/);
  });
});
