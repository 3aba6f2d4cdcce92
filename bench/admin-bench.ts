// `npm run bench:admin`: the admin's first-screen JavaScript (gzipped) and Web Vitals in Chromium inside the simulator's
// admin frame, and the customers list API's p95 with 100,000 customers (`-- --only=vitals` or `-- --only=customers`).
import { writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { chromium, type Frame, type Page } from "playwright-core";
import { adminAppPath } from "../scripts/shopify-simulator/create-shopify-simulator.js";
import { ensureBuiltAdmin } from "../test/support/built-admin.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/support/chromium.js";
import { installShop } from "../test/support/shop-fixtures.js";
import { startTestStack, type TestStack } from "../test/support/start-test-stack.js";
import { measureCustomerList, type CustomerListFigures } from "./customer-list-phase.js";

const screens = [
  "",
  "coupons",
  "emails",
  "shipping",
  "loyalty",
  "customers",
  "retention",
  "campaigns",
  "activity",
  "languages",
];
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const runsPerScreen = 3;

/** LCP and CLS as the page saw them (PerformanceObserver with buffered entries), read after the screen settles. */
const VITALS_SCRIPT = `new Promise((resolve) => {
  let lcp = 0, cls = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) lcp = Math.max(lcp, e.startTime); })
    .observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve({ lcp, cls }), 1500);
})`;

/** The longest event duration (Event Timing API) from the next interaction: what INP reports for it. */
const INP_WATCH = `window.__inp = 0; new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__inp = Math.max(window.__inp, e.duration);
}).observe({ type: "event", durationThreshold: 16, buffered: false });`;

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("the app's iframe is missing");
  return frame;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measureVitals(stack: TestStack, shop: string): Promise<Record<string, unknown>> {
  ensureBuiltAdmin();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const results: Record<string, unknown> = {};
    // First screen's JavaScript: every script the app frame loads for Home, gzipped as a server would send it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts = new Map<string, Buffer>();
    page.on("response", async (response) => {
      if (response.url().startsWith(stack.appUrl) && response.request().resourceType() === "script")
        scripts.set(response.url(), await response.body());
    });
    await page.goto(`${stack.sim.url}${adminAppPath(shop)}`);
    await page.frameLocator("#app-frame").getByText("Points awarded").waitFor();
    const gzipped = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0);
    results.firstScreenJsGzipKb = Math.round(gzipped / 102.4) / 10;
    await page.close();
    const vitals: Record<string, { lcpMs: number; cls: number }> = {};
    for (const screen of screens) {
      const runs: { lcp: number; cls: number }[] = [];
      for (let run = 0; run < runsPerScreen; run += 1) {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await tab.goto(`${stack.sim.url}${adminAppPath(shop)}${screen ? `/${screen}` : ""}`);
        await tab.frameLocator("#app-frame").locator("h1").first().waitFor();
        runs.push((await appFrame(tab).evaluate(VITALS_SCRIPT)) as { lcp: number; cls: number });
        await tab.close();
      }
      vitals[screen || "home"] = {
        lcpMs: Math.round(median(runs.map((r) => r.lcp))),
        cls: Math.round(median(runs.map((r) => r.cls)) * 1000) / 1000,
      };
    }
    results.vitals = vitals;
    // INP of the save action: type a value, click Save in the contextual save bar, read the event's duration.
    const saves: number[] = [];
    for (let run = 0; run < runsPerScreen; run += 1) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.goto(`${stack.sim.url}${adminAppPath(shop)}/coupons`);
      const app = tab.frameLocator("#app-frame");
      await app.getByLabel("Discount value").fill(String(11 + run));
      await appFrame(tab).evaluate(INP_WATCH);
      await app.getByRole("button", { name: "Save" }).click();
      await app.getByText("Settings saved").waitFor();
      saves.push((await appFrame(tab).evaluate("window.__inp")) as number);
      await tab.close();
    }
    results.saveInpMs = Math.round(median(saves));
    console.table({
      "first screen JS, gzipped (KB)": { value: results.firstScreenJsGzipKb, target: "< 300" },
      "INP of save (ms)": { value: results.saveInpMs, target: "< 100" },
    });
    console.table(
      Object.fromEntries(
        Object.entries(vitals).map(([screen, v]) => [screen, { "LCP ms (< 1000)": v.lcpMs, "CLS (< 0.05)": v.cls }]),
      ),
    );
    return results;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (only && only !== "vitals" && only !== "customers") throw new Error(`--only=${only}: use vitals or customers`);
  const stack = await startTestStack({ workers: 1 });
  try {
    const shop = await installShop(stack);
    const results: Record<string, unknown> = {};
    if (only !== "customers") Object.assign(results, await measureVitals(stack, shop));
    if (only !== "vitals") {
      const list = await measureCustomerList(stack, shop);
      results.customerList = list;
      printCustomerList(list);
    }
    const file = only ? `admin-${only}.json` : "admin-latest.json";
    await writeFile(new URL(`./results/${file}`, import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await stack.stop();
  }
}

function printCustomerList(list: CustomerListFigures): void {
  console.log(
    `customers list API with ${list.customers.toLocaleString("en")} customers and ${list.ledgerEntries.toLocaleString("en")} ledger entries: ` +
      `p95 ${list.p95Ms} ms, p50 ${list.p50Ms} ms over ${list.requests} requests (target p95 < 100 ms)`,
  );
  console.table(list.scenarios);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
