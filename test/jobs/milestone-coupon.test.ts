// Every Nth paid order as a personal discount code: created in Shopify once per customer and milestone, emailed over
// SMTP in the customer's language, no milestone points.
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { recordMilestoneCoupon } from "../../server/domain/loyalty/milestone-coupon-repository.js";
import { adminApi } from "../support/admin-api.js";
import { emailsSettled, startEmailStack } from "../support/email-fixtures.js";
import { ledgerOfCustomer, plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let catcher: SmtpCatcher;
let stop: () => Promise<void>;
let shop: string;
let shopId: number;

beforeAll(async () => {
  ({ stack, catcher, stop } = await startEmailStack());
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  await useLoyaltySettings(stack, shop, {
    ...plainEarning,
    milestoneEvery: 3,
    milestonePoints: 500,
    milestoneReward: "coupon",
    milestoneCouponKind: "fixed_amount",
    milestoneCouponValue: "15",
    milestoneCouponValidityDays: 30,
  });
});
afterAll(() => stop());

async function pay(orderId: number, customerId: number, locale = "en", webhookId?: string) {
  const payload = { ...paidOrderPayload(orderId, customerId, "40.00"), customer_locale: locale };
  expect((await postWebhook(stack, { shop, topic: "orders/paid", payload, webhookId })).status).toBe(200);
  await waitFor("orders/paid processed", () => inboxSettled(stack));
}

/** A customer Shopify knows (a code can only be limited to one), buying in `locale`. */
function shopper(name: string) {
  return stack.sim.createCustomer(shop, { firstName: name, lastName: "Milestone", email: `${name}@example.com` }).id;
}

const rows = (shopifyCustomerId: number) =>
  stack.services.prisma.milestoneCoupon.findMany({
    where: { shopId, shopifyCustomerId: BigInt(shopifyCustomerId) },
    orderBy: { milestone: "asc" },
  });

async function issued(shopifyCustomerId: number, count: number) {
  const found = await waitFor(`${count} milestone codes issued`, async () => {
    const list = await rows(shopifyCustomerId);
    return list.length === count && list.every((row) => row.status === "issued") ? list : null;
  });
  await waitFor("emails sent", () => emailsSettled(stack));
  return found;
}

describe("milestone reward as a coupon", () => {
  test("the 3rd and 6th paid orders each give one code limited to the customer, emailed; no milestone points", async () => {
    const id = shopper("rizal");
    for (const order of [1, 2]) await pay(71000 + order, id);
    expect(await rows(id)).toEqual([]);
    await pay(71003, id);
    const [third] = await issued(id, 1);
    const code = stack.sim.discountCode(shop, third?.code ?? "");
    expect(code?.customerIds).toEqual([id]);
    expect(code?.value).toMatchObject({ type: "fixed_amount", amount: "15.00" });
    expect(third?.milestone).toBe(3);
    const days = ((third?.endsAt.getTime() ?? 0) - (third?.startsAt.getTime() ?? 0)) / 86_400_000;
    expect(days).toBe(30);

    const mail = catcher
      .messages({ to: `c${id}@example.com` })
      .filter((message) => /Order number 3/.test(message.subject));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain(`Your code: ${third?.code} (15 USD off)`);

    for (const order of [4, 5, 6]) await pay(71000 + order, id);
    const both = await issued(id, 2);
    expect(both.map((row) => row.milestone)).toEqual([3, 6]);
    expect((await ledgerOfCustomer(stack, id)).filter((entry) => entry.cause === "milestone")).toEqual([]);
  });

  test("the milestone order delivered again (new webhook ids) gives no second code or email", async () => {
    const id = shopper("dewi");
    for (const order of [1, 2, 3]) await pay(72000 + order, id, "id");
    await issued(id, 1);
    await pay(72003, id, "id", "replayed-72003-a");
    await pay(72003, id, "id", "replayed-72003-b");
    await waitFor("emails sent", () => emailsSettled(stack));
    const [only] = await rows(id);
    expect(await rows(id)).toHaveLength(1);
    expect(stack.sim.discountCodes(shop).filter((code) => code.code === only?.code)).toHaveLength(1);
    const mail = catcher
      .messages({ to: `c${id}@example.com` })
      .filter((message) => /Pesanan ke-3/.test(message.subject));
    expect(mail.map((message) => message.subject)).toEqual(["Pesanan ke-3: yang berikutnya dari kami"]);
  });

  test("a milestone coupon whose job Redis lost is issued by the points maintenance sweep", async () => {
    const id = shopper("lost");
    await pay(73001, id);
    const customerId = (await stack.services.prisma.customer.findFirstOrThrow({ where: { shopifyCustomerId: id } })).id;
    // As if the earn committed and the process died before enqueuing: a pending row, two minutes old, no job.
    const couponId = await recordMilestoneCoupon(
      stack.services.pool,
      {
        shopId,
        customerId,
        shopifyCustomerId: BigInt(id),
        milestone: 99,
        shopifyOrderId: 73001n,
        currencyCode: "USD",
        now: new Date(),
      },
      { milestoneCouponKind: "percentage", milestoneCouponValue: "20", milestoneCouponValidityDays: 10 },
    );
    await stack.services.pool.query(
      "UPDATE milestone_coupon SET created_at = created_at - interval '2 minutes' WHERE id = $1",
      [couponId],
    );
    await stack.services.pointsQueue.add("maintenance", { kind: "maintenance" });
    const [row] = await issued(id, 1);
    expect(row).toMatchObject({ id: couponId, status: "issued", kind: "percentage" });
    expect(stack.sim.discountCode(shop, row?.code ?? "")?.customerIds).toEqual([id]);
  });

  test("settings: reward kind and coupon terms through the loyalty document, refused per field", async () => {
    const current = (await adminApi(stack, shop, "GET", "/api/settings/loyalty")).json.settings as Record<
      string,
      unknown
    >;
    expect(current).toMatchObject({
      milestoneEvery: 3,
      milestoneReward: "coupon",
      milestoneCouponKind: "fixed_amount",
      milestoneCouponValue: "15",
      milestoneCouponValidityDays: 30,
    });
    const refused = await adminApi(stack, shop, "PUT", "/api/settings/loyalty", {
      ...current,
      milestoneReward: "cake",
      milestoneCouponKind: "percentage",
      milestoneCouponValue: "150",
      milestoneCouponValidityDays: 0,
    });
    expect(refused.status).toBe(422);
    expect((refused.json.error as { fields: unknown }).fields).toEqual({
      milestoneReward: "Choose points or a coupon",
      milestoneCouponValidityDays: "At least 1 day",
    });
    const percent = await adminApi(stack, shop, "PUT", "/api/settings/loyalty", {
      ...current,
      milestoneCouponKind: "percentage",
      milestoneCouponValue: "150",
    });
    expect((percent.json.error as { fields: unknown }).fields).toEqual({
      milestoneCouponValue: "A percentage is between 1 and 100",
    });
  });
});
