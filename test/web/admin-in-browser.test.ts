import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { adminAppPath } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { ensureBuiltAdmin } from "../support/built-admin.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkipReason } from "../support/chromium.js";
import { saveInAdmin } from "../support/save-in-admin.js";
import { plainEarning, useLoyaltySettings } from "../support/loyalty-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";
import { catalogue, englishLeftOnPage } from "./english-left-on-page.js";

const filipinoScreens = "languages customers shipping loyalty emails retention campaigns activity coupons".split(" ");
const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const describeInBrowser = chromiumSkipReason ? describe.skip : describe;

describeInBrowser(`the embedded admin in the simulator's admin frame${chromiumSkipReason}`, () => {
  let stack: TestStack;
  let shop: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuiltAdmin();
    stack = await startTestStack({ workers: 1 });
    shop = await installShop(stack);
    // No account-creation points or tiers: the balances below are exactly what the test gives.
    await useLoyaltySettings(stack, shop, plainEarning);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(8_000);
    page.on("pageerror", (error) => errors.push(error.message));
    await mkdir(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const app = (): FrameLocator => page.frameLocator("#app-frame");
  const screenshot = (name: string) => page.screenshot({ path: `${artifacts}admin-${name}.png`, fullPage: true });

  /** Opens an app path directly, as a link from elsewhere in Shopify admin would (the language stays chosen). */
  async function openPath(path: string, heading: string): Promise<void> {
    await page.goto(`${stack.sim.url}${adminAppPath(shop)}${path}`);
    await app().getByRole("heading", { name: heading, level: 1 }).waitFor();
  }

  /** No English left in the app's frame: no string of its catalogues, Polaris' or the server's messages. */
  async function expectNoEnglish(name: string, language: "id" | "fil" = "id"): Promise<void> {
    // The screen as it settles: no skeleton, no table still loading.
    const loading = app().locator(
      ".Polaris-SkeletonPage__SkeletonTitle:visible, .Polaris-IndexTable__LoadingPanel:visible",
    );
    await waitFor(`${name} to finish loading`, async () => (await loading.count()) === 0 || undefined);
    await screenshot(name);
    const text = await app().locator("body").innerText();
    const left = englishLeftOnPage(text, language);
    if (left.length > 0) console.log(`${name}:\n${text}`);
    expect([name, left]).toEqual([name, []]);
  }

  /** Opens a screen the way a merchant does: the admin's sidebar link, which App Bridge turns into app navigation. */
  async function openFromSidebar(label: string, heading: string): Promise<void> {
    await page.locator("#app-nav a", { hasText: label }).click();
    await app().getByRole("heading", { name: heading, level: 1 }).waitFor();
  }

  test("opens inside Shopify admin's frame with the shop's data and App Bridge navigation", async () => {
    await page.goto(`${stack.sim.url}${adminAppPath(shop)}`);
    await app().getByRole("heading", { name: "Afterglow", level: 1 }).waitFor();
    await app().getByText(`Shop ${shop}`).waitFor();
    expect(await page.locator("#app-nav a").allInnerTexts()).toEqual([
      "Home",
      "Thank-you coupons",
      "Emails",
      "Shipping expectations",
      "Loyalty",
      "Customers",
      "Retention",
      "Campaigns",
      "Activity",
      "Languages",
    ]);
    await app().getByText("Points awarded").waitFor();
    await screenshot("home");
    expect(errors).toEqual([]);
  });

  test("a new coupon value is saved and the next order's coupon has it", async () => {
    await openFromSidebar("Thank-you coupons", "Thank-you coupons");
    const value = app().getByLabel("Discount value");
    await value.fill("15");
    await app().getByText("15% off your next order").waitFor();
    await saveInAdmin(page, app());
    await screenshot("coupons");
    const saved = await stack.services.repositories.coupons.settingsFor(
      (await stack.services.repositories.shops.findByDomain(shop))?.id ?? -1,
    );
    expect(saved.value).toBe("15");

    const customer = stack.sim.createCustomer(shop, {
      firstName: "Ayu",
      lastName: "Browser",
      email: "ayu@example.com",
    });
    const order = stack.sim.createOrder(shop, {
      customerId: customer.id,
      lineItems: [{ title: "Candle", price: "30.00", quantity: 1 }],
    });
    stack.sim.payOrder(shop, order.id);
    const coupon = await waitFor("the order's coupon in Shopify", async () => {
      const row = await stack.services.prisma.coupon.findFirst({
        where: { shopifyOrderId: BigInt(order.id), status: "issued" },
      });
      return row ? stack.sim.discountCode(shop, row.code) : undefined;
    });
    expect(coupon.value).toEqual({ type: "percentage", percentage: 0.15 });
    // The issued list shows it, with the new value, once the screen reloads its data.
    await openFromSidebar("Home", "Afterglow");
    await openFromSidebar("Thank-you coupons", "Thank-you coupons");
    const row = app().getByRole("row", { name: new RegExp(coupon.code) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Issued[\s\S]*15%[\s\S]*Ayu Browser/);
  });

  test("a value the server refuses shows its message at the field", async () => {
    const value = app().getByLabel("Discount value");
    await value.fill("250");
    await app().getByRole("button", { name: "Save" }).click();
    await app().getByText("A percentage is between 1 and 100").waitFor();
    await app().getByRole("button", { name: "Discard" }).click();
    expect(await value.inputValue()).toBe("15");
  });

  test("staff adjust a customer's points with a reason, confirming before a negative balance", async () => {
    stack.sim.createCustomer(shop, { firstName: "Rizal", lastName: "Santos", email: "rizal@example.com" });
    await waitFor("the customer in Afterglow", () =>
      stack.services.prisma.customer.findFirst({ where: { email: "rizal@example.com" } }),
    );
    await openFromSidebar("Customers", "Customers");
    await app().getByPlaceholder("Search by name or email").fill("rizal");
    await app().getByRole("link", { name: "Rizal Santos" }).waitFor();
    await screenshot("customers");
    await app().getByRole("link", { name: "Rizal Santos" }).click();
    await app().getByRole("heading", { name: "Rizal Santos", level: 1 }).waitFor();
    await app().getByRole("button", { name: "Adjust points" }).click();
    const dialog = app().getByRole("dialog");
    await dialog.getByLabel("Points to add or remove").fill("-30");
    await dialog.getByRole("button", { name: "Adjust", exact: true }).click();
    await dialog.getByText("Say why: the customer may ask").waitFor();
    await dialog.getByLabel("Reason").fill("Goodwill credit reversed: order was refunded");
    await dialog.getByRole("button", { name: "Adjust", exact: true }).click();
    await dialog.getByText("This takes the balance below zero").waitFor();
    await dialog.getByRole("button", { name: "Adjust anyway" }).click();
    await app().getByText("Points adjusted. New balance: -30").waitFor();
    const entry = app().getByRole("row", { name: /Goodwill credit reversed/ });
    await entry.waitFor();
    expect(await entry.innerText()).toMatch(/-30[\s\S]*Adjustment[\s\S]*Sim Owner/);
    await screenshot("customer");
    const ledger = await stack.services.prisma.ledgerEntry.findMany({ where: { cause: "adjustment" } });
    expect(ledger.map((row) => [row.points, row.actor, row.reason])).toEqual([
      [-30, "902541635", "Goodwill credit reversed: order was refunded"],
    ]);
  });

  test("staff set the customer's birthday: an impossible day shows at the field, 29 February saves", async () => {
    const field = app().getByLabel("Month and day (MM-DD), or the full date");
    await field.fill("02-30");
    await app().getByRole("button", { name: "Save birthday" }).click();
    await app().getByText("Enter a real date such as 03-14 or 1990-03-14").waitFor();
    await field.fill("1996-02-29");
    await app().getByRole("button", { name: "Save birthday" }).click();
    await app().getByText("Birthday saved").last().waitFor();
    // The toast comes before the customer reloads: the field shows what was stored once it has.
    await waitFor("the stored birthday in the field", async () => (await field.inputValue()) === "02-29" || undefined);
    const customer = await stack.services.prisma.customer.findFirstOrThrow({ where: { email: "rizal@example.com" } });
    expect([customer.birthday, customer.birthdayChangedAt === null]).toEqual(["02-29", false]);
  });

  test("shipping: a saved processing time moves the calculator's window", async () => {
    await openFromSidebar("Shipping expectations", "Shipping expectations");
    await app().getByLabel("Ordered at").fill("2026-12-01T09:00");
    await app().getByRole("button", { name: "Calculate" }).click();
    const before = await app()
      .getByText(/^Arrives between/)
      .innerText();
    await app().getByLabel("Processing days").fill("6");
    await app().getByText("Save first: the calculator uses the saved settings.").waitFor();
    await saveInAdmin(page, app());
    await app().getByRole("button", { name: "Calculate" }).click();
    await app()
      .getByText(/^Arrives between/)
      .filter({ hasNotText: before })
      .waitFor();
    await screenshot("shipping");
  });

  test("loyalty: a refused tier shows its message at the field; a fixed one saves", async () => {
    await openFromSidebar("Loyalty", "Loyalty");
    // The shop starts without tiers (plain earning): add two, the second starting no higher than the first.
    await app().getByRole("button", { name: "Add tier" }).click();
    await app().getByRole("button", { name: "Add tier" }).click();
    await app().getByLabel("Tier name").nth(0).fill("Bronze");
    await app().getByLabel("Starts at").nth(0).fill("0");
    await app().getByLabel("Tier name").nth(1).fill("Silver");
    await app().getByLabel("Starts at").nth(1).fill("0");
    await app().getByRole("button", { name: "Save" }).click();
    await app().getByText("Each tier starts above the one before it").waitFor();
    await app().getByLabel("Starts at").nth(1).fill("400");
    await app().getByLabel("Fewest points per redemption").fill("0");
    await app().getByRole("button", { name: "Save" }).click();
    await app().getByText("must be at least 1").waitFor();
    await app().getByLabel("Fewest points per redemption").fill("500");
    await app().getByLabel("Points for one unit of currency").fill("50");
    await app().getByLabel("At every milestone the customer gets").selectOption("coupon");
    await app().getByLabel("Code type").selectOption("percentage");
    await app().getByLabel("Code value").fill("20");
    await saveInAdmin(page, app());
    await screenshot("loyalty");
    const shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? -1;
    const saved = await stack.services.repositories.loyaltySettings.settingsFor(shopId);
    expect(saved.tiers.map((tier) => [tier.name, tier.threshold])).toEqual([
      ["Bronze", "0"],
      ["Silver", "400"],
    ]);
    expect([saved.milestoneReward, saved.milestoneCouponKind, saved.milestoneCouponValue]).toEqual([
      "coupon",
      "percentage",
      "20",
    ]);
    // Spending points are part of the same document and the same save.
    expect((await stack.services.repositories.redemptions.settingsFor(shopId)).pointsPerCurrencyUnit).toBe(50);
  });

  test("Activity lists the webhooks Shopify sent", async () => {
    await openFromSidebar("Activity", "Activity");
    await app().getByText("orders/paid").first().waitFor();
    await screenshot("activity");
  });

  test("switched to Indonesian, no English string is left on any screen", async () => {
    await openFromSidebar("Languages", "Languages");
    await screenshot("languages");
    // English toasts from the steps above must not count against the Indonesian pages.
    await app().locator(".Polaris-Frame-Toast").first().waitFor({ state: "detached" });
    // A webhook whose last attempt failed on a payload Shopify sent wrong: its error shows on Home and Activity.
    await stack.services.prisma.webhookInbox.updateMany({
      where: { topic: "orders/create" },
      data: { status: "failed", outcome: null, lastError: "order payload invalid: Invalid input: expected number" },
    });
    await app().getByRole("group").getByText("Indonesian").click();
    await app().getByRole("heading", { name: "Bahasa", level: 1 }).waitFor();
    // The admin's sidebar follows: App Bridge reports the app's menu in the new language.
    await page.locator("#app-nav a", { hasText: "Kupon terima kasih" }).waitFor();
    for (const [label, heading, name] of [
      ["Bahasa", "Bahasa", "languages-id"],
      ["Pelanggan", "Pelanggan", "customers-id"],
      ["Perkiraan pengiriman", "Perkiraan pengiriman", "shipping-id"],
      ["Loyalitas", "Loyalitas", "loyalty-id"],
      ["Beranda", "Afterglow", "home-id"],
      ["Email", "Email", "emails-id"],
      ["Retensi", "Retensi", "retention-id"],
      ["Kampanye", "Kampanye", "campaigns-id"],
      ["Kupon terima kasih", "Kupon terima kasih", "coupons-id"],
      // Each job's result ("30 points pending until …") is read in the admin's language too.
      ["Aktivitas", "Aktivitas", "activity-id"],
    ] as const) {
      await openFromSidebar(label, heading);
      await app().locator("body").getByText(/\S/).first().waitFor();
      await expectNoEnglish(name);
    }
    // Still on Activity: the failed webhook's error, the payload's complaint quoted as it came.
    await app().getByText("data pesanan tidak valid; pesan teknis (bahasa Inggris): “Invalid input").waitFor();
    expect(errors).toEqual([]);
  });

  test("in Indonesian, the server's refusals and errors are Indonesian too", async () => {
    // A refused setting: the field's message and the banner come from the server (422).
    await openFromSidebar("Kupon terima kasih", "Kupon terima kasih");
    await app().getByLabel("Nilai diskon").fill("250");
    await app().getByRole("button", { name: "Simpan" }).click();
    await app().getByText("Persentase antara 1 dan 100").waitFor();
    await expectNoEnglish("coupons-error-id");
    await app().getByRole("button", { name: "Buang" }).click();
    await openFromSidebar("Loyalitas", "Loyalitas");
    await app().getByLabel("Mulai dari").nth(1).fill("0");
    await app().getByRole("button", { name: "Simpan" }).click();
    await app().getByText("Setiap tingkat dimulai di atas tingkat sebelumnya").waitFor();
    await expectNoEnglish("loyalty-error-id");
    await app().getByRole("button", { name: "Buang" }).click();
    // A template that does not parse: the line, column and Liquid's complaint.
    await openPath("/emails/shipped/id", "Dikirim (Bahasa Indonesia)");
    await app().getByLabel("HTML", { exact: true }).fill("<p>Halo</p>\n{% iff order.name %}");
    await app().getByText('Baris 2, kolom 1: tag "iff" tidak dikenal').waitFor();
    await expectNoEnglish("email-template-error-id");
    // A screen that cannot load: the banner says why in Indonesian.
    await openPath("/customers/999999", "Pelanggan");
    await app().getByText("Pelanggan tidak ditemukan").waitFor();
    await expectNoEnglish("customer-missing-id");
    // A customer's history, and the dialog stopping before a negative balance.
    await openFromSidebar("Pelanggan", "Pelanggan");
    await app().getByRole("link", { name: "Rizal Santos" }).click();
    await app().getByRole("heading", { name: "Rizal Santos", level: 1 }).waitFor();
    await expectNoEnglish("customer-id");
    await app().getByRole("button", { name: "Sesuaikan poin" }).click();
    const dialog = app().getByRole("dialog");
    await dialog.getByLabel("Poin yang ditambah atau dikurangi").fill("-500");
    await dialog.getByLabel("Alasan").fill("Pesanan palsu");
    await dialog.getByRole("button", { name: "Sesuaikan", exact: true }).click();
    await dialog.getByRole("button", { name: "Tetap sesuaikan" }).waitFor();
    await expectNoEnglish("adjust-negative-id");
    await page.keyboard.press("Escape");
    expect(errors).toEqual([]);
  });

  test("switched to Filipino, no English string is left on any screen, nor in a refused setting", async () => {
    const [id, fil] = [catalogue("id"), catalogue("fil")];
    const button = (key: string) => app().getByRole("button", { name: fil(key) });
    await openFromSidebar(id("nav.languages"), id("languages.title"));
    await app().getByRole("group").getByText(id("languages.short.fil")).click();
    await page.locator("#app-nav a", { hasText: fil("nav.coupons") }).waitFor();
    for (const screen of filipinoScreens) {
      await openFromSidebar(fil(`nav.${screen}`), fil(`${screen}.title`));
      await expectNoEnglish(`${screen}-fil`, "fil");
    }
    await app().getByLabel(fil("coupons.fields.value")).fill("250");
    await button("common.save").click();
    await app().getByText("Ang porsiyento ay mula 1 hanggang 100").waitFor();
    await expectNoEnglish("coupons-error-fil", "fil");
    await button("common.discard").click();
    expect(errors).toEqual([]);
  });
});
