import { createHmac } from "node:crypto";
import {
  mintCheckoutSessionToken,
  mintSessionToken,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
});
afterAll(() => stack.stop());

const couponFor = (token: string | undefined, orderId = 123) =>
  fetch(`${stack.appUrl}/api/checkout/coupon?orderId=gid://shopify/OrderIdentity/${orderId}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

const token = (overrides: Partial<Parameters<typeof mintSessionToken>[0]> = {}) =>
  mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret, ...overrides });

/** A JWT signed with our secret whose claims are whatever the test says. */
function signedClaims(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}`;
  return `${input}.${createHmac("sha256", testApiSecret).update(input).digest("base64url")}`;
}

describe("session tokens on /api/checkout and /api/settings", () => {
  test("a valid token is accepted", async () => {
    const response = await couponFor(token());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "pending", delivery: null });
  });

  test("a checkout extension's token (bare shop domain in dest, a customer in sub) is accepted", async () => {
    const checkoutToken = mintCheckoutSessionToken({
      shop,
      apiKey: testApiKey,
      apiSecret: testApiSecret,
      customerId: 7,
    });
    const response = await couponFor(checkoutToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "pending", delivery: null });
  });

  test("an order another shop owns: 404, never its coupon", async () => {
    const other = await installShop(stack, "other-shop.myshopify.com");
    const posted = await postWebhook(stack, {
      shop: other,
      topic: "orders/create",
      payload: paidOrderPayload(880001, null, "20.00"),
      webhookId: "foreign-order-1",
    });
    expect(posted.status).toBe(200);
    await waitFor("the other shop's order", () =>
      stack.services.prisma.order.findFirst({ where: { shopifyOrderId: 880001n } }),
    );
    const response = await couponFor(token(), 880001);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  test.each([
    ["missing", undefined],
    ["expired", "expired"],
    ["for another app (wrong audience)", "audience"],
    ["for a shop that never installed Afterglow", "shop"],
    ["signed with another secret", "signature"],
    ["not a JWT at all", "garbage"],
    ["without an expiry", "no-exp"],
    ["naming no shop in dest", "no-dest"],
  ])("%s: 401", async (_name, kind) => {
    const bad: Record<string, string | undefined> = {
      expired: token({ issuedAt: Math.floor(Date.now() / 1000) - 3600, expiresInSeconds: 60 }),
      audience: token({ apiKey: "someone-elses-app" }),
      shop: token({ shop: "stranger.myshopify.com" }),
      signature: token({ apiSecret: "not-our-secret" }),
      garbage: "abc.def.ghi",
      "no-exp": signedClaims({ dest: shop, aud: testApiKey, iat: Math.floor(Date.now() / 1000) }),
      "no-dest": signedClaims({ aud: testApiKey, exp: Math.floor(Date.now() / 1000) + 60 }),
    };
    const response = await couponFor(kind === undefined ? undefined : bad[kind]);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  test("the checkout endpoint allows CORS for the extension's sandbox and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.appUrl}/api/checkout/coupon`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-headers": "authorization" },
      });
    const sandbox = await preflight("https://extensions.shopifycdn.com");
    expect(sandbox.status).toBe(204);
    expect(sandbox.headers.get("access-control-allow-origin")).toBe("https://extensions.shopifycdn.com");
    expect(sandbox.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(sandbox.headers.get("vary")).toMatch(/Origin/);
    for (const origin of ["https://evil.example", "https://extensions.shopifycdn.com.evil.example", "null"]) {
      const refused = await preflight(origin);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    }
    const answer = await fetch(`${stack.appUrl}/api/checkout/coupon?orderId=1`, {
      headers: { origin: "https://evil.example", authorization: `Bearer ${token()}` },
    });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("settings: defaults, a per-field 422, then a saved change", async () => {
    const headers = { authorization: `Bearer ${token()}`, "content-type": "application/json" };
    const initial = (await (await fetch(`${stack.appUrl}/api/settings/coupons`, { headers })).json()) as {
      settings: Record<string, unknown>;
    };
    expect(initial.settings).toMatchObject({ enabled: true, kind: "percentage", value: "10", validityDays: 30 });
    const invalid = await fetch(`${stack.appUrl}/api/settings/coupons`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ ...initial.settings, value: "250", validityDays: 0 }),
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error: {
        code: "unprocessable",
        message: "Some settings need fixing",
        fields: { validityDays: "At least 1 day", value: "A percentage is between 1 and 100" },
      },
    });
    const saved = await fetch(`${stack.appUrl}/api/settings/coupons`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ ...initial.settings, kind: "fixed_amount", value: "5", minimumSubtotal: "30" }),
    });
    expect(saved.status).toBe(200);
    const again = (await (await fetch(`${stack.appUrl}/api/settings/coupons`, { headers })).json()) as {
      settings: Record<string, unknown>;
    };
    expect(again.settings).toMatchObject({ kind: "fixed_amount", value: "5", minimumSubtotal: "30" });
  });
});
