// Birthdays set by the shopper through the app proxy and by staff through the admin API, with the earning rules intact.
import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

let stack: TestStack;
let shop: string;
let shopId: number;
let otherShopId: number;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  const other = await installShop(stack, "birthday-other.myshopify.com");
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  otherShopId = (await stack.services.repositories.shops.findByDomain(other))?.id ?? 0;
  await useLoyaltySettings(stack, shop, { ...plainEarning, birthdayPoints: 100 });
});
afterAll(() => stack.stop());

const DAY = 24 * 3600 * 1000;
const monthDay = (at: Date) => at.toISOString().slice(5, 10);

function shopper(name: string) {
  return stack.sim.createCustomer(shop, { firstName: name, lastName: "Birthday", email: `${name}@ex.com` });
}

const storedBirthday = async (shopifyCustomerId: number) =>
  (
    await stack.services.prisma.customer.findFirst({
      where: { shopId, shopifyCustomerId: BigInt(shopifyCustomerId) },
    })
  )?.birthday ?? null;

const fromStorefront = (customerId: number | undefined, body: unknown, query: Record<string, string> = {}) =>
  stack.sim.appProxyRequest(shop, { path: "/birthday", customerId, body, query });

function fromAdmin(customerId: number, body: unknown, domain = shop) {
  const token = mintSessionToken({ shop: domain, apiKey: testApiKey, apiSecret: testApiSecret, userId: "4201" });
  return fetch(`${stack.appUrl}/api/customers/${customerId}/birthday`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** As if the birthday had been set `days` ago (the routes stamp the real clock). */
async function ageBirthdayChange(customerId: number, days: number) {
  await stack.services.pool.query(
    `UPDATE customer SET birthday_changed_at = birthday_changed_at - make_interval(days => $2) WHERE id = $1`,
    [customerId, days],
  );
}

const birthdayAwards = (customerId: number) =>
  stack.services.prisma.ledgerEntry.count({ where: { customerId, cause: "birthday" } });

describe("a shopper sets their birthday through the app proxy", () => {
  test("their own, signed: saved, shown with their points, and 29 February accepted", async () => {
    const siti = shopper("siti");
    const response = await fromStorefront(siti.id, { birthday: "1992-02-29" }, { locale: "id" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      birthday: "02-29",
      changed: true,
      message: "Tanggal lahir Anda sudah disimpan.",
    });
    expect(await storedBirthday(siti.id)).toBe("02-29");
    const points = await stack.sim.appProxyRequest(shop, { path: "/points", customerId: siti.id });
    expect(await points.json()).toMatchObject({ birthday: "02-29" });
  });

  test("a day that does not exist is a 422 in the shopper's language and changes nothing", async () => {
    const juan = shopper("juan");
    await fromStorefront(juan.id, { birthday: "06-15" });
    const response = await fromStorefront(juan.id, { birthday: "02-30" }, { locale: "fil" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: {
        message: "Maglagay ng totoong petsa, gaya ng 03-14 o 1990-03-14.",
        fields: { birthday: expect.any(String) },
      },
    });
    expect(await storedBirthday(juan.id)).toBe("06-15");
  });

  test("a guest, a tampered signature or a body naming another customer sets nothing", async () => {
    const victim = shopper("victim");
    const attacker = shopper("attacker");
    await fromStorefront(victim.id, { birthday: "01-05" });

    expect((await fromStorefront(undefined, { birthday: "07-07" })).status).toBe(401);
    const url = stack.sim.appProxyUrl(shop, { path: "/birthday", customerId: attacker.id });
    url.searchParams.set("logged_in_customer_id", String(victim.id));
    const tampered = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ birthday: "07-07" }),
    });
    expect(tampered.status).toBe(401);
    const unsigned = stack.sim.appProxyUrl(shop, { path: "/birthday", customerId: victim.id });
    unsigned.searchParams.delete("signature");
    expect((await fetch(unsigned, { method: "POST", body: "birthday=07-07" })).status).toBe(401);
    const named = await fromStorefront(attacker.id, { birthday: "07-07", customerId: victim.id });
    expect(named.status).toBe(422);

    expect(await storedBirthday(victim.id)).toBe("01-05");
  });

  test("a plain storefront form works, and an empty date clears it", async () => {
    const form = shopper("form");
    const url = stack.sim.appProxyUrl(shop, { path: "/birthday", customerId: form.id });
    const post = (body: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect((await post("birthday=1988-11-03")).status).toBe(200);
    expect(await storedBirthday(form.id)).toBe("11-03");
    expect(await (await post("birthday=")).json()).toMatchObject({ birthday: null, changed: true });
    expect(await storedBirthday(form.id)).toBeNull();
  });
});

describe("staff set a birthday through the admin API", () => {
  test("saves it for the shop's own customer; another shop's customer is a 404", async () => {
    const id = await stack.services.repositories.customers.upsert(shopId, { shopifyCustomerId: 77001 });
    const response = await fromAdmin(id, { birthday: "12-24" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ birthday: "12-24", changed: true });
    expect((await fromAdmin(id, { birthday: "13-01" })).status).toBe(422);
    const detail = await fetch(`${stack.appUrl}/api/customers/${id}`, {
      headers: adminHeaders(shop),
    });
    expect(await detail.json()).toMatchObject({ customer: { birthday: "12-24" } });

    const foreign = await stack.services.repositories.customers.upsert(otherShopId, { shopifyCustomerId: 77002 });
    expect((await fromAdmin(foreign, { birthday: "12-24" })).status).toBe(404);
    expect((await stack.services.prisma.customer.findUniqueOrThrow({ where: { id: foreign } })).birthday).toBeNull();
  });
});

describe("the earning rules hold through the routes", () => {
  test("a birthday set today earns nothing today; the same date sent again does not restart the wait", async () => {
    const now = new Date();
    const rewards = stack.services.loyalty.rewards;
    const shopRow = { id: shopId, ianaTimezone: "UTC" };
    const today = shopper("today");
    expect(await (await fromStorefront(today.id, { birthday: monthDay(now) })).json()).toMatchObject({
      changed: true,
    });
    const id = (await stack.services.prisma.customer.findFirstOrThrow({ where: { shopifyCustomerId: today.id } })).id;
    const changedAt = (await stack.services.prisma.customer.findUniqueOrThrow({ where: { id } })).birthdayChangedAt;
    expect(await rewards.awardBirthdays(shopRow, now)).toBe(0);
    expect(await birthdayAwards(id)).toBe(0);

    // Staff resend the same date: not a change, so the wait it started is not moved.
    expect(await (await fromAdmin(id, { birthday: monthDay(now) })).json()).toMatchObject({ changed: false });
    const after = await stack.services.prisma.customer.findUniqueOrThrow({ where: { id } });
    expect(after.birthdayChangedAt).toEqual(changedAt);

    // Forty days on (the change's wait is over) today's birthday earns once, and a second run that day nothing more.
    await ageBirthdayChange(id, 40);
    expect(await rewards.awardBirthdays(shopRow, now)).toBeGreaterThanOrEqual(1);
    expect(await rewards.awardBirthdays(shopRow, now)).toBe(0);
    expect(await birthdayAwards(id)).toBe(1);
  });

  test("moving the date to today right after it earned earns nothing (a change within 30 days)", async () => {
    const now = new Date();
    const rewards = stack.services.loyalty.rewards;
    const shopRow = { id: shopId, ianaTimezone: "UTC" };
    const mover = shopper("mover");
    const yesterday = new Date(now.getTime() - DAY);
    await fromStorefront(mover.id, { birthday: monthDay(yesterday) });
    const id = (await stack.services.prisma.customer.findFirstOrThrow({ where: { shopifyCustomerId: mover.id } })).id;
    // The date was set well before, so yesterday's birthday earned.
    await ageBirthdayChange(id, 40);
    expect(await rewards.awardBirthdays(shopRow, yesterday)).toBeGreaterThanOrEqual(1);
    expect(await birthdayAwards(id)).toBe(1);

    const moved = await fromStorefront(mover.id, { birthday: monthDay(now) });
    expect(await moved.json()).toMatchObject({ changed: true });
    expect(await rewards.awardBirthdays(shopRow, now)).toBe(0);
    expect(await birthdayAwards(id)).toBe(1);
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
  });
});
