// The extension's real bundle on the simulator's thank-you page, against the real app, worker, PostgreSQL and Redis.
import type { Browser, Page, Request } from "playwright-core";
import { chromiumSkipReason } from "../../support/chromium.js";
import { startExtensionStack, type ExtensionStack } from "../../support/extension-stack.js";
import { testApiKey, waitFor, type TestStack } from "../../support/start-test-stack.js";

// Jest has no skip reason, so the reason goes into the suite's name.
const skipReason = chromiumSkipReason;
const describeInBrowser = skipReason ? describe.skip : describe;

describeInBrowser(`thank-you page served by the simulator, real stack${skipReason}`, () => {
  let stack: TestStack;
  let shop: string;
  let shopId: number;
  let browser: Browser;
  let extension: ExtensionStack | undefined;

  beforeAll(async () => {
    extension = await startExtensionStack("thank-you-page");
    ({ stack, shop, shopId, browser } = extension);
  });

  afterAll(() => extension?.stop());

  const isCouponCall = (request: Request): boolean => request.url().startsWith(`${stack.appUrl}/api/checkout/coupon`);

  /** Opens the order's thank-you page; page errors are collected so a test can prove there were none. */
  async function open(orderId: number, prepare?: (page: Page) => Promise<void>) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await prepare?.(page);
    await page.goto(stack.sim.thankYouPageUrl(shop, orderId));
    // Page-side code as strings: this file is type-checked for Node, without the DOM's types.
    await page.waitForFunction("'extensionStarted' in window");
    return { page, errors };
  }

  /** The block has given up on the order: its last answer is in, and the body is empty again. */
  async function settledEmpty(page: Page): Promise<string> {
    await page.waitForFunction("document.body.childElementCount === 0");
    // Give a wrongly scheduled retry or a late render the time to show up.
    await page.waitForTimeout(2000);
    return (await page.locator("body").innerHTML()).trim();
  }

  function newCustomer(name: string) {
    return stack.sim.createCustomer(shop, { firstName: name, lastName: "Browser", email: `${name}@example.com` });
  }

  it("a first order: the code Shopify holds appears once the job has issued it, with a genuine checkout token", async () => {
    const customer = newCustomer("ayu");
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Lantern", price: "60.00", quantity: 1 }],
    });
    const authorizations: string[] = [];
    const { page, errors } = await open(order.id, async (p) => {
      p.on("request", (request) => {
        if (isCouponCall(request) && request.method() === "GET")
          authorizations.push(request.headers().authorization ?? "");
      });
    });
    await page.locator("s-text", { hasText: /^THANKS-/ }).waitFor({ timeout: 20_000 });
    const shown = await page.locator("s-clipboard-item").getAttribute("text");

    const row = await stack.services.prisma.coupon.findFirstOrThrow({ where: { shopifyOrderId: BigInt(order.id) } });
    expect(row.status).toBe("issued");
    expect(shown).toBe(row.code);
    expect(stack.sim.discountCode(shop, row.code)).toBeDefined();
    const text = await page.locator("body").innerText();
    expect(text).toContain(row.code);
    expect(text).toContain("10% off your next order");
    expect(errors).toEqual([]);

    // The page's token is the kind checkout issues: the app's secret, our API key, the bare shop, the buyer.
    const token = authorizations[0]?.replace(/^Bearer /, "") ?? "";
    const claims = await stack.services.shopify.session.decodeSessionToken(token);
    expect(claims).toMatchObject({ aud: testApiKey, dest: shop, sub: `gid://shopify/Customer/${customer.id}` });
    expect(claims.exp - claims.iat).toBe(300);
    await page.close();
  });

  it("a repeat order under first-order eligibility: no coupon, only when it arrives", async () => {
    const customer = newCustomer("bayani");
    const first = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Mug", price: "20.00", quantity: 1 }],
    });
    await waitFor("the first order's coupon", async () => {
      const row = await stack.services.prisma.coupon.findFirst({ where: { shopifyOrderId: BigInt(first.id) } });
      return row?.status === "issued";
    });
    const repeat = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Mug", price: "20.00", quantity: 2 }],
    });
    const answers: unknown[] = [];
    const { page, errors } = await open(repeat.id, async (p) => {
      p.on("response", (response) => {
        if (isCouponCall(response.request()) && response.request().method() === "GET")
          void response.json().then((body: unknown) => answers.push(body));
      });
    });
    await waitFor("the app to answer none", async () => answers.some((a) => JSON.stringify(a).includes('"none"')));
    // The window the shop's defaults give this order (placed now, in America/New_York, to the US by "Standard").
    const window = await stack.services.shipping.estimateForRecordedOrder(shopId, BigInt(repeat.id));
    const day = (date: string) =>
      new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
        new Date(`${date}T12:00:00Z`),
      );
    const line = page.locator("s-text", { hasText: "Arrives between" });
    await line.waitFor({ timeout: 10_000 });
    expect(await line.innerText()).toBe(
      `Arrives between ${day(window?.earliest ?? "")} and ${day(window?.latest ?? "")}`,
    );
    // Settled on the window alone: no coupon, no skeleton left behind.
    await page.waitForTimeout(2000);
    expect(await page.locator("s-banner").count()).toBe(0);
    expect(await page.locator("s-skeleton-paragraph").count()).toBe(0);
    expect(errors).toEqual([]);
    const rows = await stack.services.prisma.coupon.count({ where: { shopifyOrderId: BigInt(repeat.id) } });
    expect(rows).toBe(0);
    await page.close();
  });

  it.each([
    ["answers 500", (page: Page) => page.route(`${stack.appUrl}/api/**`, (route) => route.fulfill({ status: 500 }))],
    [
      "is unreachable",
      (page: Page) => page.route(`${stack.appUrl}/api/**`, (route) => route.abort("connectionrefused")),
    ],
  ])("the app %s: nothing is rendered, and no error reaches the page", async (_name, breakBackend) => {
    const customer = newCustomer(`cruz${Date.now()}`);
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Scarf", price: "35.00", quantity: 1 }],
    });
    let asked = 0;
    const { page, errors } = await open(order.id, async (p) => {
      await breakBackend(p);
      p.on("request", (request) => {
        if (isCouponCall(request)) asked += 1;
      });
    });
    await waitFor("the extension to ask the app", async () => asked > 0);
    expect(await settledEmpty(page)).toBe("");
    expect(errors).toEqual([]);
    // The job still issued the coupon: only the page's view of the app was broken.
    await waitFor("the coupon row", async () => {
      const row = await stack.services.prisma.coupon.findFirst({ where: { shopifyOrderId: BigInt(order.id) } });
      return row?.status === "issued";
    });
    await page.close();
  });
});
