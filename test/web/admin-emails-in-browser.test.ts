import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { adminAppPath } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import type { SmtpCatcher } from "../../scripts/smtp-catcher/create-smtp-catcher.js";
import { ensureBuiltAdmin } from "../support/built-admin.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkipReason } from "../support/chromium.js";
import { saveInAdmin } from "../support/save-in-admin.js";
import { startEmailStack } from "../support/email-fixtures.js";
import { installShop } from "../support/shop-fixtures.js";
import { waitFor, type TestStack } from "../support/start-test-stack.js";

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const describeInBrowser = chromiumSkipReason ? describe.skip : describe;

// Line 3 calls a tag Liquid does not have: the editor must point at line 3, column 4.
const brokenHtml = [
  "<h1>Your parcel left today</h1>",
  "<p>{{ order.name }} is on its way.</p>",
  "<p>{% iff tracking.number %}Tracking: {{ tracking.number }}{% endif %}</p>",
].join("\n");
const fixedHtml = brokenHtml.replace("{% iff", "{% if");

describeInBrowser(`the Emails screen in the simulator's admin frame${chromiumSkipReason}`, () => {
  let stack: TestStack;
  let catcher: SmtpCatcher;
  let stop: () => Promise<void>;
  let shop: string;
  let shopId: number;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuiltAdmin();
    ({ stack, catcher, stop } = await startEmailStack());
    shop = await installShop(stack);
    shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? -1;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(8_000);
    page.on("pageerror", (error) => errors.push(error.message));
    await mkdir(artifacts, { recursive: true });
    await page.goto(`${stack.sim.url}${adminAppPath(shop)}`);
    await page.locator("#app-nav a", { hasText: "Emails" }).click();
    await app().getByRole("heading", { name: "Emails", level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  const app = (): FrameLocator => page.frameLocator("#app-frame");
  const screenshot = (name: string) => page.screenshot({ path: `${artifacts}admin-${name}.png`, fullPage: true });

  test("each kind is switched on or off with its delay, behind the save bar", async () => {
    await app().getByRole("checkbox", { name: "Delivered" }).uncheck();
    await app().getByLabel("Delay for Shipped").fill("15");
    await saveInAdmin(page, app());
    await screenshot("emails");
    const saved = await stack.services.repositories.emailSettings.settingsFor(shopId);
    expect([saved.kinds.delivered, saved.kinds.shipped]).toEqual([
      { enabled: false, delayMinutes: 0 },
      { enabled: true, delayMinutes: 15 },
    ]);
  });

  test("a broken template shows the error at its line, and the preview waits for the fix", async () => {
    await app().getByRole("link", { name: "Edit the Shipped email in English" }).click();
    await app().getByRole("heading", { name: "Shipped (English)", level: 1 }).waitFor();
    // The default's preview renders the sample order before anything changes.
    await app()
      .getByText(/^Subject: Your order #\d+ is on its way/)
      .waitFor();
    await app().getByLabel("HTML", { exact: true }).fill(brokenHtml);
    await app().getByText('Line 3, column 4: tag "iff" not found').waitFor();
    expect(await app().getByTestId("error-line").innerText()).toBe(
      "3 | <p>{% iff tracking.number %}Tracking: {{ tracking.number }}{% endif %}</p>\n       ^",
    );
    await app().getByText("Fix the error to update the preview").waitFor();
    await screenshot("email-template-error");
    // Saving is refused the same way: nothing is stored.
    await app().getByRole("button", { name: "Save" }).click();
    await app().getByText('Line 3, column 4: tag "iff" not found').waitFor();
    expect(await stack.services.repositories.emailTemplates.find(shopId, "shipped", "en")).toBeNull();
  });

  test("fixed, saved and sent as a test, it arrives at the SMTP catcher", async () => {
    await app().getByLabel("HTML", { exact: true }).fill(fixedHtml);
    await app().getByText("Fix the error to update the preview").waitFor({ state: "detached" });
    expect(await app().getByTestId("error-line").count()).toBe(0);
    await saveInAdmin(page, app());
    expect((await stack.services.repositories.emailTemplates.find(shopId, "shipped", "en"))?.html).toBe(fixedHtml);
    await app().getByRole("button", { name: "Send test email" }).click();
    const dialog = app().getByRole("dialog");
    await dialog.getByLabel("Send to").fill("owner@example.com");
    await dialog.getByRole("button", { name: "Send", exact: true }).click();
    await app().getByText("Test email sent to owner@example.com").last().waitFor();
    await screenshot("email-template");
    const [message] = await waitFor("the test email at the catcher", async () => {
      const caught = catcher.messages({ to: "owner@example.com" });
      return caught.length > 0 ? caught : undefined;
    });
    expect(message?.subject).toMatch(/^Your order #\d+ is on its way/);
    expect(message?.html).toContain("Your parcel left today");
  });

  test("reverting goes back to Afterglow's default", async () => {
    await app().getByRole("button", { name: "Revert to default" }).click();
    await app().getByRole("dialog").getByRole("button", { name: "Revert", exact: true }).click();
    await app().getByText("Reverted to the default").last().waitFor();
    expect(await stack.services.repositories.emailTemplates.find(shopId, "shipped", "en")).toBeNull();
    // The editor takes the reloaded default in the render after the toast.
    await waitFor("the default in the editor", async () =>
      (await app().getByLabel("HTML", { exact: true }).inputValue()).includes("Your order is on its way"),
    );
    expect(errors).toEqual([]);
  });
});
