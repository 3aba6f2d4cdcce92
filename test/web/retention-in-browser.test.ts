import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { adminAppPath } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { ensureBuiltAdmin } from "../support/built-admin.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkipReason } from "../support/chromium.js";
import { saveInAdmin } from "../support/save-in-admin.js";
import { octoberFigures, seedRetentionHistory, seedWinbackSends } from "../support/retention-fixtures.js";
import { adminApi } from "../support/admin-api.js";
import { installShop } from "../support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../support/start-test-stack.js";
import { englishLeftOnPage } from "./english-left-on-page.js";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const describeInBrowser = chromiumSkipReason ? describe.skip : describe;

describeInBrowser(`the retention dashboard and campaigns in the admin frame${chromiumSkipReason}`, () => {
  let stack: TestStack;
  let shop: string;
  let shopId: number;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuiltAdmin();
    // No worker: the install's history import stays waiting, so the test moves its progress itself.
    stack = await startTestStack();
    shop = await installShop(stack);
    shopId = await seedRetentionHistory(stack, shop);
    await seedWinbackSends(stack, shopId);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (error) => errors.push(error.message));
    await mkdir(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const app = (): FrameLocator => page.frameLocator("#app-frame");
  const screenshot = (name: string) => page.screenshot({ path: `${artifacts}admin-${name}.png`, fullPage: true });
  /** The whole screen: the app scrolls inside its iframe, so the viewport grows for the picture. */
  const tallScreenshot = async (name: string) => {
    await page.setViewportSize({ width: 1280, height: 3400 });
    await screenshot(name);
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  /** The text of the card a measure's heading opens. */
  const card = (title: string) =>
    app()
      .locator(".Polaris-ShadowBevel")
      .filter({ has: app().getByRole("heading", { name: title, exact: true, level: 3 }) })
      .innerText();

  async function openFromSidebar(label: string, heading: string): Promise<void> {
    await page.locator("#app-nav a", { hasText: label }).click();
    await app().getByRole("heading", { name: heading, level: 1 }).waitFor();
  }

  test("October 2026's measures show the figures worked out by hand, each with its definition", async () => {
    await page.goto(`${stack.sim.url}${adminAppPath(shop)}`);
    await app().getByRole("heading", { name: "Afterglow", level: 1 }).waitFor();
    await openFromSidebar("Retention", "Retention");
    await app().getByLabel("Date range").selectOption("custom");
    await app().getByRole("textbox", { name: "From", exact: true }).fill("2026-10-01");
    await app().getByRole("textbox", { name: "To", exact: true }).fill("2026-10-31");
    await app().getByRole("button", { name: "Apply" }).click();
    await app().getByText("Showing Oct 1, 2026 to Oct 31, 2026").waitFor();
    const expected: [string, string][] = [
      ["Customer retention rate", octoberFigures.retention],
      ["Repeat purchase rate", octoberFigures.repeat],
      ["Returning customer rate", octoberFigures.returning],
      ["Purchase frequency", octoberFigures.frequency],
      ["Average order value", octoberFigures.aov],
      ["Customer lifetime value (estimate)", octoberFigures.clv],
      ["Net Promoter Score", octoberFigures.nps],
      ["Points outstanding", octoberFigures.pointsOutstanding],
      ["Points liability", octoberFigures.pointsLiability],
      ["Revenue from the top 20% of customers", octoberFigures.topShare],
    ];
    for (const [title, figure] of expected) {
      const text = await card(title);
      expect([title, text.split("\n").map((line) => line.trim())]).toEqual([title, expect.arrayContaining([figure])]);
    }
    expect(await card("Net Promoter Score")).toContain(octoberFigures.npsResponses);
    expect(await card("Repeat purchase rate")).toContain("2 of 4 customer orders were repeat orders");
    expect(await card("Returning customer rate")).toContain(
      "Counts people, where the repeat purchase rate counts orders",
    );
    // No coupons were issued: both coupon measures say so instead of showing 0%.
    expect(await card("Coupon redemption rate")).toContain("Not enough data");
    // Segment sizes are drawn as bars.
    await app().locator(".Polaris-ShadowBevel", { hasText: "Segment sizes" }).locator("svg").first().waitFor();
    await tallScreenshot("retention");
    expect(errors).toEqual([]);
  });

  test("a measure downloads as CSV for the chosen period", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      app().getByRole("button", { name: "Download Average order value as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("average-order-value_2026-10-01_2026-10-31.csv");
    const csv = await readFile((await download.path()) ?? "", "utf8");
    // The whole period's row (a measure with a trend adds one row per month after it, marked in a month column).
    const [header = "", ...rows] = csv.trim().split("\r\n");
    const columns = header.split(",");
    const total = rows
      .map((row) => row.split(","))
      .find((cells) => !columns.includes("month") || cells[columns.indexOf("month")] === "total");
    expect(total?.slice(0, 3)).toEqual(["average-order-value", "2026-10-01", "2026-10-31"]);
    expect(total?.[columns.indexOf("value")]).toBe("60.00");
  });

  test("over September and October NPS is 40 from 5 answers, with a line by month", async () => {
    await app().getByRole("textbox", { name: "From", exact: true }).fill("2026-09-01");
    await app().getByRole("button", { name: "Apply" }).click();
    await app().getByText("Showing Sep 1, 2026 to Oct 31, 2026").waitFor();
    // Promoters 10, 9, 10; passive 7; detractor 3: (3 - 1) / 5 = 40.
    const nps = app()
      .locator(".Polaris-ShadowBevel")
      .filter({ has: app().getByRole("heading", { name: "Net Promoter Score" }) });
    await nps.getByText("5 responses: 3 promoters, 1 passives, 1 detractors").waitFor();
    expect(await nps.innerText()).toMatch(/^40$/m);
    await nps.locator("svg").first().waitFor();
    await nps.getByText("Sep 2026").first().waitFor();
    // Order measures carry their months too: average order value was 100.00 in September and 60.00 in October.
    const aov = app()
      .locator(".Polaris-ShadowBevel")
      .filter({ has: app().getByRole("heading", { name: "Average order value" }) });
    await aov.locator("svg").first().waitFor();
    await aov.getByText("Oct 2026").first().waitFor();
  });

  test("a start after the end is refused at the date field, in the admin's words", async () => {
    await app().getByRole("textbox", { name: "From", exact: true }).fill("2026-11-30");
    await app().getByRole("button", { name: "Apply" }).click();
    const message = "Choose a start date on or before the end date, within ten years";
    // Once as the banner's title, once under the From field.
    await app().getByText(message).nth(1).waitFor();
    await app().getByRole("textbox", { name: "From", exact: true }).fill("2026-09-01");
    await app().getByRole("button", { name: "Apply" }).click();
    await app().getByText(message).first().waitFor({ state: "detached" });
  });

  test("the history import's progress bar follows the import to the end", async () => {
    const move = (status: string, lines: number, finished: boolean) =>
      stack.services.pool.query(
        `UPDATE history_import SET status = $2, object_count = 200, lines_done = $3, orders_done = $3,
           customers_done = $3 / 10, finished_at = CASE WHEN $4 THEN now() END, updated_at = now() WHERE shop_id = $1`,
        [shopId, status, lines, finished],
      );
    await move("importing", 80, false);
    await app().getByText("40% done: 80 orders and 8 customers so far").waitFor();
    await move("importing", 150, false);
    await app().getByText("75% done: 150 orders and 15 customers so far").waitFor();
    await screenshot("retention-importing");
    await move("completed", 200, true);
    await app().getByText("Order history imported: 200 orders and 20 customers.").waitFor();
  });

  test("win-back switched on for customers at risk and a replenishment product added: refused fields show their messages, then it saves", async () => {
    await openFromSidebar("Campaigns", "Campaigns");
    const winback = app()
      .locator(".Polaris-ShadowBevel")
      .filter({ has: app().getByRole("heading", { name: "Win-back", level: 2 }) });
    // What the campaign has done so far: 2 emails sent, 1 code redeemed on an order of 45.00.
    expect(await winback.innerText()).toMatch(
      /Emails sent\s+2\s+Codes redeemed\s+1\s+Revenue from redemptions\s+\$45\.00/,
    );
    await winback.getByLabel("Send win-back emails").check();
    await winback.getByLabel("Days without an order").fill("0");
    await winback.getByLabel("Discount value").fill("150");
    // A replenishment product without its id: the message shows at that row's field.
    const replenishment = app()
      .locator(".Polaris-ShadowBevel")
      .filter({ has: app().getByRole("heading", { name: "Replenishment reminder", level: 2 }) });
    await replenishment.getByRole("button", { name: "Add product" }).click();
    await replenishment.getByLabel("Name in the email").fill("Coffee beans 1 kg");
    await app().getByRole("button", { name: "Save" }).click();
    await winback.getByText("At least 1 day").waitFor();
    await winback.getByText("A percentage is between 1 and 100").waitFor();
    await replenishment.getByText("Enter the numeric product id").waitFor();
    await replenishment.getByLabel("Product ID").fill("632910392");
    await replenishment.getByLabel("Reorder after (days)").fill("45");
    await winback.getByLabel("Days without an order").fill("60");
    await winback.getByLabel("Discount value").fill("20");
    await winback.getByLabel("At risk").check();
    await saveInAdmin(page, app());
    await tallScreenshot("campaigns");
    const saved = await adminApi(stack, shop, "GET", "/api/campaigns");
    expect(saved.json.settings).toMatchObject({
      winback: {
        enabled: true,
        days: 60,
        offer: { type: "coupon", kind: "percentage", value: "20", validityDays: 30 },
        target: { tiers: [], segments: ["at_risk"] },
      },
      birthday: { enabled: false },
      replenishment: {
        enabled: false,
        products: [{ productId: "632910392", variantId: null, title: "Coffee beans 1 kg", days: 45 }],
      },
    });
    expect(errors).toEqual([]);
  });

  test("in Indonesian the dashboard and campaigns show no English string", async () => {
    await openFromSidebar("Languages", "Languages");
    await app().locator(".Polaris-Frame-Toast").first().waitFor({ state: "detached" });
    await app().getByRole("group").getByText("Indonesian").click();
    await app().getByRole("heading", { name: "Bahasa", level: 1 }).waitFor();
    await openFromSidebar("Retensi", "Retensi");
    await app().getByLabel("Rentang tanggal").selectOption("custom");
    await app().getByRole("textbox", { name: "Dari", exact: true }).fill("2026-10-01");
    await app().getByRole("textbox", { name: "Sampai", exact: true }).fill("2026-10-31");
    await app().getByRole("button", { name: "Terapkan" }).click();
    await app().getByText("Pesanan pelanggan dalam periode / pelanggan yang memesan dalam periode.").waitFor();
    await app().locator(".Polaris-ShadowBevel", { hasText: "Ukuran segmen" }).locator("svg").first().waitFor();
    await tallScreenshot("retention-id");
    expect(englishLeftOnPage(await app().locator("body").innerText(), "id")).toEqual([]);
    await openFromSidebar("Kampanye", "Kampanye");
    await app().getByText("Email terkirim").first().waitFor();
    await tallScreenshot("campaigns-id");
    expect(englishLeftOnPage(await app().locator("body").innerText(), "id")).toEqual([]);
    expect(errors).toEqual([]);
  });
});
