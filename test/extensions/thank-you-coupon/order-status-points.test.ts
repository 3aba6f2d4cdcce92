// The extension's real bundle on the simulator's order-status page: the signed-in customer's points, tier and a
// redemption into a code, against the real app, worker, PostgreSQL and Redis.
import type { Browser } from "playwright-core";
import { chromiumSkipReason } from "../../support/chromium.js";
import { startExtensionStack, type ExtensionStack } from "../../support/extension-stack.js";
import { plainEarning, useLoyaltySettings, useRedemptionSettings } from "../../support/loyalty-fixtures.js";
import { waitFor, type TestStack } from "../../support/start-test-stack.js";

const describeInBrowser = chromiumSkipReason ? describe.skip : describe;

describeInBrowser(`order-status page served by the simulator, real stack${chromiumSkipReason}`, () => {
  let stack: TestStack;
  let shop: string;
  let shopId: number;
  let browser: Browser;
  let extension: ExtensionStack | undefined;

  beforeAll(async () => {
    extension = await startExtensionStack("order-status");
    ({ stack, shop, shopId, browser } = extension);
    await useLoyaltySettings(stack, shop, {
      ...plainEarning,
      tiers: [
        { name: "Bronze", threshold: "0", multiplier: "1", perks: [] },
        { name: "Silver", threshold: "50", multiplier: "1", perks: [] },
      ],
    });
    await useRedemptionSettings(stack, shop, {
      enabled: true,
      pointsPerCurrencyUnit: 100,
      minimumPoints: 500,
      codeValidityDays: 30,
      expiryMonths: null,
      expiryReminderDays: 14,
    });
  });

  afterAll(() => extension?.stop());

  /** A paid order by a customer who also holds `points` available, with the order's own points pending. */
  async function paidOrderWithPoints(name: string, points: number, customerLocale = "en") {
    const customer = stack.sim.createCustomer(shop, { firstName: name, lastName: "Status", email: `${name}@ex.com` });
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      customerLocale,
      lineItems: [{ title: "Lantern", price: "60.00", quantity: 1 }],
    });
    stack.sim.payOrder(shop, order.id);
    const row = await waitFor("the order's points", () =>
      stack.services.prisma.customer.findFirst({
        where: { shopId, shopifyCustomerId: BigInt(customer.id), pendingPoints: 60 },
      }),
    );
    await stack.services.repositories.ledger.append({
      shopId,
      customerId: row.id,
      points,
      cause: "adjustment",
      idempotencyKey: `grant:${row.id}`,
      reason: "test grant",
    });
    return { customer, order, customerId: row.id };
  }

  async function open(orderId: number) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(stack.sim.orderStatusPageUrl(shop, orderId));
    await page.waitForFunction("'extensionStarted' in window");
    return { page, errors };
  }

  it("shows the balance, tier and pending points, and redeems into a code Shopify holds", async () => {
    const { customer, order, customerId } = await paidOrderWithPoints("rina", 1250);
    const { page, errors } = await open(order.id);
    await page.locator("s-heading", { hasText: "Your points" }).waitFor({ timeout: 20_000 });
    await page.locator("s-text", { hasText: "1,250 points to spend" }).waitFor();
    await page.locator("s-text", { hasText: "Tier: Silver" }).waitFor();
    await page.locator("s-text", { hasText: "60 more points on the way" }).waitFor();
    // The order's thank-you coupon shows too (its own copy button); these are the points' buttons.
    const redeemButtons = page.locator("s-button", { hasText: /^Redeem/ });
    expect(await redeemButtons.allInnerTexts()).toEqual([
      "Redeem 500 points for $5.00 off",
      "Redeem 1,200 points for $12.00 off",
    ]);

    await page.locator("s-button", { hasText: "Redeem 500 points" }).click();
    const item = page.locator("s-clipboard-item#afterglow-points-code");
    await item.waitFor({ state: "attached", timeout: 20_000 });
    const code = (await item.getAttribute("text")) ?? "";
    await page.locator("s-text", { hasText: "750 points to spend" }).waitFor();
    await page.locator("s-text", { hasText: "$5.00 off your next order" }).waitFor();

    const [redemption] = await stack.services.prisma.redemption.findMany({ where: { customerId } });
    expect(redemption).toMatchObject({ code, points: 500, source: "checkout", status: "issued" });
    expect(stack.sim.discountCode(shop, code)?.customerIds).toEqual([customer.id]);
    expect(await stack.services.repositories.ledger.balanceOf(customerId)).toBe(750);
    // The offers follow the new balance.
    expect(await redeemButtons.allInnerTexts()).toEqual([
      "Redeem 500 points for $5.00 off",
      "Redeem 700 points for $7.00 off",
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks the customer's language, and a refused redemption says why without spending", async () => {
    const { order, customerId } = await paidOrderWithPoints("dewi", 600, "id");
    const { page, errors } = await open(order.id);
    await page.locator("s-heading", { hasText: "Poin Anda" }).waitFor({ timeout: 20_000 });
    await page.locator("s-text", { hasText: "poin siap dipakai" }).waitFor();
    // Spent elsewhere (another tab) while this page still offers it: the backend refuses, in Indonesian.
    await stack.services.repositories.ledger.append({
      shopId,
      customerId,
      points: -300,
      cause: "adjustment",
      idempotencyKey: `spent:${customerId}`,
      reason: "spent elsewhere",
    });
    await page.locator("s-button", { hasText: "Tukar 500 poin" }).click();
    await page
      .locator("s-banner", { has: page.locator(":scope") })
      .first()
      .waitFor();
    await page.locator('s-banner[heading="Poin Anda tidak cukup untuk ini."]').waitFor();
    expect(await stack.services.prisma.redemption.count({ where: { customerId } })).toBe(0);
    expect(await stack.services.repositories.ledger.balanceOf(customerId)).toBe(300);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a guest's order shows no points at all", async () => {
    const order = stack.sim.createOrder(shop, {
      email: "guest@ex.com",
      lineItems: [{ title: "Lantern", price: "60.00", quantity: 1 }],
    });
    const { page, errors } = await open(order.id);
    await page.waitForResponse((response) => response.url().includes("/api/extension/points"));
    await page.waitForTimeout(500);
    expect(await page.locator("s-heading").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
