import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

const url = () => `${stack.appUrl}/api/settings/loyalty`;
const headers = () => ({
  authorization: `Bearer ${mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret })}`,
  "content-type": "application/json",
});

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
});
