import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { adminHeaders, installJakartaShop } from "../support/jakarta-shop.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let otherShop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installJakartaShop(stack);
  otherShop = await installShop(stack, "other-shop.myshopify.com");
});
afterAll(() => stack.stop());

const defaults = {
  cutoffHour: 14,
  processingDays: 1,
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  transit: [{ name: "Standard", countryCodes: [], shippingMethods: [], minDays: 2, maxDays: 5 }],
  transitOnWorkingDaysOnly: true,
};

const indonesiaRows = [
  { name: "Jabodetabek express", countryCodes: ["id"], shippingMethods: ["Express"], minDays: 1, maxDays: 2 },
  { name: "Everywhere", countryCodes: [], shippingMethods: [], minDays: 3, maxDays: 6 },
];

async function call(method: string, path: string, shopDomain: string, body?: unknown) {
  const response = await fetch(`${stack.appUrl}${path}`, {
    method,
    headers: adminHeaders(shopDomain),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET/PUT /api/settings/shipping", () => {
  test("a shop starts with the defaults: cut-off 14, 1 processing day, Monday to Friday, 2-5 days", async () => {
    expect(await call("GET", "/api/settings/shipping", shop)).toEqual({ status: 200, body: { settings: defaults } });
  });

  test("invalid settings are a 422 naming each field, and nothing is saved", async () => {
    const answer = await call("PUT", "/api/settings/shipping", shop, {
      ...defaults,
      cutoffHour: 25,
      workingWeekdays: [],
      holidays: ["2026-12-25", "2026-02-30"],
      transit: [{ ...indonesiaRows[0], countryCodes: ["IDN"], minDays: 3, maxDays: 1 }],
    });
    expect(answer).toEqual({
      status: 422,
      body: {
        error: {
          code: "unprocessable",
          message: "Some settings need fixing",
          fields: {
            cutoffHour: "Between 0 and 24",
            workingWeekdays: "Choose at least one working day",
            "holidays.1": "This date does not exist",
            "transit.0.countryCodes.0": "Use two-letter country codes such as US or ID",
            "transit.0.maxDays": "At least the minimum days",
          },
        },
      },
    });
    expect((await call("GET", "/api/settings/shipping", shop)).body).toEqual({ settings: defaults });
  });

  test("a body that is not settings at all is a 422 too", async () => {
    const answer = await call("PUT", "/api/settings/shipping", shop, ["not", "settings"]);
    expect(answer.status).toBe(422);
  });

  test("saved settings come back normalised, only for their own shop", async () => {
    const saved = await call("PUT", "/api/settings/shipping", shop, {
      cutoffHour: 15,
      processingDays: 2,
      workingWeekdays: [6, 1, 2, 3, 4, 5],
      holidays: ["2026-12-25", "2026-12-24"],
      transit: indonesiaRows,
    });
    const expected = {
      cutoffHour: 15,
      processingDays: 2,
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ["2026-12-24", "2026-12-25"],
      transit: [{ ...indonesiaRows[0], countryCodes: ["ID"] }, indonesiaRows[1]],
      transitOnWorkingDaysOnly: true,
    };
    expect(saved).toEqual({ status: 200, body: { settings: expected } });
    expect((await call("GET", "/api/settings/shipping", shop)).body).toEqual({ settings: expected });
    expect((await call("GET", "/api/settings/shipping", otherShop)).body).toEqual({ settings: defaults });
  });

  test("the calendar-days switch is kept when an admin leaves it out", async () => {
    const base = { ...defaults, transitOnWorkingDaysOnly: false };
    expect((await call("PUT", "/api/settings/shipping", otherShop, base)).status).toBe(200);
    const { transitOnWorkingDaysOnly: _left, ...withoutSwitch } = base;
    const again = await call("PUT", "/api/settings/shipping", otherShop, { ...withoutSwitch, cutoffHour: 12 });
    expect(again.body).toEqual({ settings: { ...base, cutoffHour: 12 } });
  });
});

describe("POST /api/shipping/estimate", () => {
  beforeAll(async () => {
    await call("PUT", "/api/settings/shipping", shop, { ...defaults, transit: indonesiaRows });
  });

  test("the window is computed in the shop's zone (Asia/Jakarta) with the matching transit row", async () => {
    // Tue 1 Dec 14:30 WIB is after the cut-off: counts from Wed 2, ships Thu 3; express 1-2 days: Fri 4 to Mon 7.
    const answer = await call("POST", "/api/shipping/estimate", shop, {
      orderedAt: "2026-12-01T07:30:00Z",
      countryCode: "ID",
      shippingMethod: "Express",
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        window: { shipBy: "2026-12-03", earliest: "2026-12-04", latest: "2026-12-07" },
        timeZone: "Asia/Jakarta",
        transit: { ...indonesiaRows[0], countryCodes: ["ID"] },
      },
    });
  });

  test("without a country or method the catch-all row applies; 13:59 WIB is still before the cut-off", async () => {
    // Tue 1 Dec 13:59 WIB counts from Tue 1, ships Wed 2; 3-6 days: Mon 7 to Thu 10.
    const answer = await call("POST", "/api/shipping/estimate", shop, { orderedAt: "2026-12-01T13:59:00+07:00" });
    expect(answer.body).toMatchObject({
      window: { shipBy: "2026-12-02", earliest: "2026-12-07", latest: "2026-12-10" },
      transit: { name: "Everywhere" },
    });
  });

  test("a shop on America/New_York gets its own day for the same instant", async () => {
    await waitFor("the other shop's time zone", async () => {
      const row = await stack.services.repositories.shops.findByDomain(otherShop);
      return row?.ianaTimezone === "America/New_York";
    });
    await call("PUT", "/api/settings/shipping", otherShop, defaults);
    // 07:30 UTC on Tue 1 Dec is 02:30 EST, before the cut-off: ships Wed 2; defaults 2-5 days: Fri 4 to Wed 9.
    const answer = await call("POST", "/api/shipping/estimate", otherShop, { orderedAt: "2026-12-01T07:30:00Z" });
    expect(answer.body).toMatchObject({
      window: { shipBy: "2026-12-02", earliest: "2026-12-04", latest: "2026-12-09" },
      timeZone: "America/New_York",
    });
  });

  test("a bad request is a 422 per field", async () => {
    const answer = await call("POST", "/api/shipping/estimate", shop, { orderedAt: "tomorrow", countryCode: "IDN" });
    expect(answer).toEqual({
      status: 422,
      body: {
        error: {
          code: "unprocessable",
          message: "The estimate needs fixing",
          fields: {
            orderedAt: "Use a date and time such as 2026-12-01T13:30:00+07:00",
            countryCode: "Use a two-letter country code such as US or ID",
          },
        },
      },
    });
  });
});

describe("session tokens on the shipping API", () => {
  const foreignToken = () => mintSessionToken({ shop: "stranger.myshopify.com", apiKey: testApiKey, apiSecret: "x" });

  test.each([
    ["GET", "/api/settings/shipping"],
    ["PUT", "/api/settings/shipping"],
    ["POST", "/api/shipping/estimate"],
  ])(
    "%s %s: 401 without a token, with a foreign one, and with one for a shop that never installed",
    async (method, path) => {
      const tokens = [
        undefined,
        foreignToken(),
        mintSessionToken({ shop: "stranger.myshopify.com", apiKey: testApiKey, apiSecret: "afterglow-test-secret" }),
        mintSessionToken({ shop, apiKey: "someone-elses-app", apiSecret: "afterglow-test-secret" }),
      ];
      for (const token of tokens) {
        const response = await fetch(`${stack.appUrl}${path}`, {
          method,
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: method === "GET" ? undefined : JSON.stringify(defaults),
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
      }
    },
  );
});
