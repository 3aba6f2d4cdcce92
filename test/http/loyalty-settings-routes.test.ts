import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";
import { adminHeaders } from "../support/jakarta-shop.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

const url = () => `${stack.appUrl}/api/settings/loyalty`;
const headers = () => adminHeaders(shop);

async function current(): Promise<Record<string, unknown>> {
  const response = await fetch(url(), { headers: headers() });
  expect(response.status).toBe(200);
  return ((await response.json()) as { settings: Record<string, unknown> }).settings;
}

describe("GET/PUT /api/settings/loyalty", () => {
  test("without a session token: 401", async () => {
    expect((await fetch(url())).status).toBe(401);
  });

  test("defaults: 1 point per currency unit on the subtotal, a 14-day return window, three tiers", async () => {
    expect(await current()).toMatchObject({
      enabled: true,
      pointsPerCurrencyUnit: "1",
      includeShipping: false,
      includeTax: false,
      returnWindowDays: 14,
      tierBasis: "points_earned",
      tiers: [
        expect.objectContaining({ name: "Bronze", threshold: "0", multiplier: "1" }),
        expect.objectContaining({ name: "Silver" }),
        expect.objectContaining({ name: "Gold" }),
      ],
    });
  });

  test("invalid fields: 422 with one message per field, nothing saved", async () => {
    const before = await current();
    const response = await fetch(url(), {
      method: "PUT",
      headers: headers(),
      body: JSON.stringify({
        ...before,
        pointsPerCurrencyUnit: "-1",
        returnWindowDays: 400,
        birthdayPoints: 2.5,
        tiers: [
          { name: "Bronze", threshold: "0", multiplier: "1", perks: [] },
          { name: "bronze", threshold: "0", multiplier: "0.5", perks: [] },
        ],
      }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: "unprocessable",
        message: "Some settings need fixing",
        fields: {
          pointsPerCurrencyUnit: "Enter a number such as 1 or 0.5",
          returnWindowDays: "At most 365 days",
          birthdayPoints: "Enter whole points",
          "tiers.1.multiplier": "Between 1 and 10",
        },
      },
    });
    expect(await current()).toEqual(before);
  });

  test("tiers must have distinct names, rising thresholds and whole points when tiers are by points", async () => {
    const response = await fetch(url(), {
      method: "PUT",
      headers: headers(),
      body: JSON.stringify({
        ...(await current()),
        tiers: [
          { name: "Bronze", threshold: "0", multiplier: "1", perks: [] },
          { name: "bronze", threshold: "0", multiplier: "1.5", perks: [] },
          { name: "Gold", threshold: "99.50", multiplier: "2", perks: [] },
        ],
      }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      "tiers.1.name": "Names repeat",
      "tiers.1.threshold": "Each tier starts above the one before it",
      "tiers.2.threshold": "Points are whole numbers",
    });
  });

  test("a valid change is saved and read back", async () => {
    const changed = {
      ...(await current()),
      pointsPerCurrencyUnit: "2.5",
      includeShipping: true,
      returnWindowDays: 30,
      tierBasis: "amount_spent",
      tiers: [
        { name: "Member", threshold: "0", multiplier: "1", perks: [] },
        { name: "VIP", threshold: "250.00", multiplier: "2", perks: ["Free gift wrap"] },
      ],
    };
    const response = await fetch(url(), { method: "PUT", headers: headers(), body: JSON.stringify(changed) });
    expect(response.status).toBe(200);
    expect(await current()).toEqual(changed);
  });

  test("spending points live in the same document: defaults, saved with the rest, refused per field", async () => {
    const before = await current();
    expect(before.redemption).toEqual({
      enabled: true,
      pointsPerCurrencyUnit: 100,
      minimumPoints: 500,
      codeValidityDays: 90,
      expiryMonths: null,
      expiryReminderDays: 14,
    });
    const put = (body: unknown) => fetch(url(), { method: "PUT", headers: headers(), body: JSON.stringify(body) });

    const refused = await put({
      ...before,
      returnWindowDays: 7,
      redemption: { ...(before.redemption as object), minimumPoints: 0, expiryMonths: 500 },
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      "redemption.minimumPoints": "must be at least 1",
      "redemption.expiryMonths": "must be at most 120 months",
    });
    expect(await current()).toEqual(before); // neither part was written

    const redemption = { ...(before.redemption as object), pointsPerCurrencyUnit: 50, expiryMonths: 12 };
    expect((await put({ ...before, returnWindowDays: 7, redemption })).status).toBe(200);
    expect(await current()).toEqual({ ...before, returnWindowDays: 7, redemption });
    // The redemption path reads what the document saved.
    const shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
    expect(await stack.services.repositories.redemptions.settingsFor(shopId)).toMatchObject({
      pointsPerCurrencyUnit: 50,
      expiryMonths: 12,
    });

    // Left out, it stays as it is; the old separate endpoint is gone.
    const { redemption: _left, ...earningOnly } = await current();
    expect((await put({ ...earningOnly, returnWindowDays: 10 })).status).toBe(200);
    expect(await current()).toEqual({ ...before, returnWindowDays: 10, redemption });
    expect((await fetch(`${stack.appUrl}/api/settings/redemption`, { headers: headers() })).status).toBe(404);
  });
});
