import { startTestStack, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe("OAuth install", () => {
  test("installing through Shopify's OAuth stores an offline session and the shop's details from Admin GraphQL", async () => {
    stack.sim.createShop({
      domain: "install-me.myshopify.com",
      name: "Install Me",
      email: "owner@install.example",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Amsterdam",
    });
    const result = await stack.sim.installApp("install-me.myshopify.com");
    // The app's callback answers with a redirect into the embedded app.
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/\?shop=install-me\.myshopify\.com&host=/);
    const shop = await stack.services.repositories.shops.findByDomain("install-me.myshopify.com");
    expect(shop).toMatchObject({
      status: "installed",
      name: "Install Me",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Amsterdam",
      uninstalledAt: null,
    });
    expect(shop?.scopes).toContain("read_orders");
    const sessions = await stack.services.prisma.session.findMany({ where: { shop: "install-me.myshopify.com" } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.isOnline).toBe(false);
    expect(stack.sim.isInstalled("install-me.myshopify.com")).toBe(true);
  });

  test("a callback with a forged hmac is refused", async () => {
    const response = await fetch(
      `${stack.appUrl}/api/auth/callback?code=abc&shop=install-me.myshopify.com&state=x&timestamp=1&hmac=deadbeef`,
      { redirect: "manual", headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" } },
    );
    expect(response.status).toBe(401);
  });

  test("starting an install without a valid shop domain is a 400", async () => {
    const response = await fetch(`${stack.appUrl}/api/auth?shop=not%20a%20shop`, {
      redirect: "manual",
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" },
    });
    expect(response.status).toBe(400);
  });
});
