// Earning rules beyond the order: account creation, first-order bonus, milestones, referrals and birthdays.
import {
  customerPoints,
  ledgerOfCustomer,
  plainEarning,
  promoteMaturity,
  useLoyaltySettings,
} from "../support/loyalty-fixtures.js";
import { fixturePayload, inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let shopId: number;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  shopId = (await stack.services.prisma.shop.findUniqueOrThrow({ where: { domain: shop } })).id;
  await useLoyaltySettings(stack, shop, {
    ...plainEarning,
    signupPoints: 25,
    firstOrderBonus: 50,
    milestoneEvery: 3,
    milestonePoints: 30,
    referralPoints: 200,
    birthdayPoints: 100,
  });
});
afterAll(() => stack.stop());
afterEach(async () => {
  expect(await stack.services.repositories.ledger.balanceMismatches()).toEqual([]);
});

async function send(topic: string, payload: unknown, webhookId?: string) {
  expect((await postWebhook(stack, { shop, topic, payload, webhookId })).status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
}

const customerCreated = (id: number, email = `c${id}@example.com`) => ({
  ...fixturePayload("customers/create"),
  id,
  email,
});

const address = (street: string) => ({ address1: street, city: "Jakarta", zip: "10110", country_code: "ID" });

function referredOrder(
  orderId: number,
  customerId: number,
  code: string,
  options: { email?: string; street?: string },
) {
  const order = paidOrderPayload(orderId, customerId, "40.00");
  return {
    ...order,
    customer: { ...order.customer, email: options.email ?? `c${customerId}@example.com` },
    note_attributes: [{ name: "afterglow_referral", value: code.toLowerCase() }],
    shipping_address: address(options.street ?? `${customerId} Friend Street`),
  };
}

async function referralCodeOf(shopifyCustomerId: number): Promise<string> {
  const customer = await stack.services.prisma.customer.findFirstOrThrow({
    where: { shopifyCustomerId: BigInt(shopifyCustomerId) },
  });
  if (!customer.referralCode) throw new Error("no referral code");
  return customer.referralCode;
}

describe("earning rules", () => {
  test("creating an account earns once, available at once, and gives a referral code", async () => {
    await send("customers/create", customerCreated(1001), "create-a");
    await send("customers/create", customerCreated(1001), "create-b");
    expect(await customerPoints(stack, 1001)).toMatchObject({ balance: 25, pending: 0 });
    expect(await referralCodeOf(1001)).toMatch(/^[A-Z2-9]{8}$/);
  });

  test("first-order bonus once; every 3rd paid order a milestone, voided with its order", async () => {
    for (const orderId of [1101, 1102, 1103]) await send("orders/paid", paidOrderPayload(orderId, 1100, "10.00"));
    expect((await ledgerOfCustomer(stack, 1100)).map((entry) => [entry.key, entry.points])).toEqual([
      ["order:1101:earn", 60],
      ["order:1102:earn", 10],
      ["order:1103:earn", 10],
      [expect.stringMatching(/^milestone:\d+:3$/), 30],
    ]);
    const third = paidOrderPayload(1103, 1100, "10.00");
    await send("orders/cancelled", {
      ...third,
      cancelled_at: new Date().toISOString(),
      updated_at: new Date(Date.now() + 1000).toISOString(),
    });
    expect(await customerPoints(stack, 1100)).toMatchObject({ pending: 70 });
  });

  test("a friend's first paid order with a referral code earns the referrer points, pending with that order", async () => {
    await send("customers/create", customerCreated(1201));
    const code = await referralCodeOf(1201);
    await send("orders/paid", referredOrder(1211, 1202, code, {}));
    expect(await customerPoints(stack, 1201)).toMatchObject({ balance: 25, pending: 200 });
    await send("orders/paid", referredOrder(1212, 1202, code, {}));
    expect((await customerPoints(stack, 1201)).pending).toBe(200);
    await promoteMaturity(stack, shop, 1211);
    await waitFor("the referral to mature", async () => (await customerPoints(stack, 1201)).balance === 225);
  });

  test("self-referral is refused: same customer, same email, same shipping address", async () => {
    await send("customers/create", customerCreated(1301, "Owner@Example.com"));
    const code = await referralCodeOf(1301);
    await send("orders/paid", referredOrder(1311, 1301, code, { email: "Owner@Example.com", street: "1 Owner Road" }));
    await send("orders/paid", referredOrder(1312, 1302, code, { email: " owner@example.com " }));
    await send("orders/paid", referredOrder(1313, 1303, code, { street: "1  OWNER road" }));
    const referrals = await stack.services.prisma.referral.findMany({ where: { shopId }, orderBy: { id: "asc" } });
    expect(referrals.filter((row) => Number(row.shopifyOrderId) > 1300).map((row) => [row.status, row.reason])).toEqual(
      [
        ["refused", "self-referral: same customer"],
        ["refused", "self-referral: same email"],
        ["refused", "self-referral: same shipping address"],
      ],
    );
    expect((await ledgerOfCustomer(stack, 1301)).filter((entry) => entry.cause === "referral")).toEqual([]);
  });

  test("birthday: once on the day, not again when the date is moved within 30 days; 29 February on 28 February", async () => {
    await send("customers/create", customerCreated(1401));
    const { id } = await customerPoints(stack, 1401);
    const rewards = stack.services.loyalty.rewards;
    const shopRow = { id: shopId, ianaTimezone: "UTC" };
    const at = (iso: string) => new Date(iso);
    expect(await rewards.setBirthday(id, "1990-03-10", at("2027-01-01T00:00:00Z"))).toMatchObject({ ok: true });
    expect(await rewards.awardBirthdays(shopRow, at("2027-03-09T12:00:00Z"))).toBe(0);
    expect(await rewards.awardBirthdays(shopRow, at("2027-03-10T12:00:00Z"))).toBe(1);
    expect(await rewards.awardBirthdays(shopRow, at("2027-03-10T18:00:00Z"))).toBe(0);
    await rewards.setBirthday(id, "03-20", at("2027-03-11T00:00:00Z"));
    expect(await rewards.awardBirthdays(shopRow, at("2027-03-20T12:00:00Z"))).toBe(0);
    expect((await ledgerOfCustomer(stack, 1401)).filter((entry) => entry.cause === "birthday")).toHaveLength(1);
    expect(await rewards.setBirthday(id, "02-30", at("2027-03-11T00:00:00Z"))).toEqual({ ok: false });

    await send("customers/create", customerCreated(1402));
    const leap = await customerPoints(stack, 1402);
    await rewards.setBirthday(leap.id, "02-29", at("2026-01-01T00:00:00Z"));
    expect(await rewards.awardBirthdays(shopRow, at("2027-02-28T12:00:00Z"))).toBe(1);
    expect(await rewards.awardBirthdays(shopRow, at("2028-02-28T12:00:00Z"))).toBe(0);
  });
});
