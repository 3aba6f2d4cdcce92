import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, type TestStack } from "../support/start-test-stack.js";

// Routes under /api that answer without a session token, and why. Anything else must refuse a bad token.
const publicApiRoutes: Record<string, string> = {
  "GET /api/auth": "OAuth start: the merchant has no token before installing",
  "GET /api/auth/callback": "OAuth callback: Shopify's signed redirect, HMAC-checked by the library",
};

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack();
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

/** A concrete URL for a route pattern: parameters get harmless values of the right shape. */
function concretePath(path: string): string {
  return path.replace(/:\w+/g, "1").replace(/\*\w+/g, "x");
}

const now = () => Math.floor(Date.now() / 1000);

const badTokens: [string, () => string | undefined][] = [
  ["no token", () => undefined],
  [
    "an expired token",
    () => mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret, issuedAt: now() - 3600 }),
  ],
  ["a token for another app", () => mintSessionToken({ shop, apiKey: "another-app", apiSecret: testApiSecret })],
  ["a token signed with another secret", () => mintSessionToken({ shop, apiKey: testApiKey, apiSecret: "not-ours" })],
  [
    "a token for a shop that never installed Afterglow",
    () => mintSessionToken({ shop: "stranger.myshopify.com", apiKey: testApiKey, apiSecret: testApiSecret }),
  ],
];

describe("every /api route refuses a missing, expired or foreign session token", () => {
  test("the admin's routes are among those checked", () => {
    const routes = stack.app.routes().map((route) => `${route.method} ${route.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /api/shop",
        "GET /api/overview",
        "GET /api/activity",
        "POST /api/activity/webhooks/:id/retry",
        "GET /api/settings/coupons",
        "PUT /api/settings/coupons",
      ]),
    );
  });

  test.each(badTokens)("%s: 401 from each route", async (_name, token) => {
    const routes = stack.app
      .routes()
      .filter((route) => route.path.startsWith("/api/") && route.method !== "OPTIONS")
      .filter((route) => !(`${route.method} ${route.path}` in publicApiRoutes));
    const answers: string[] = [];
    for (const route of routes) {
      const value = token();
      const response = await fetch(`${stack.appUrl}${concretePath(route.path)}`, {
        method: route.method,
        headers: {
          ...(value === undefined ? {} : { authorization: `Bearer ${value}` }),
          "content-type": "application/json",
        },
        body: route.method === "GET" || route.method === "HEAD" ? undefined : "{}",
      });
      await response.arrayBuffer();
      answers.push(`${route.method} ${route.path} -> ${response.status}`);
    }
    // One list, so a failure names every route that let the request through (add truly public ones above).
    expect(answers).toEqual(routes.map((route) => `${route.method} ${route.path} -> 401`));
  });
});
