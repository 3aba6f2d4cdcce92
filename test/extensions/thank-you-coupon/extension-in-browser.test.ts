import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, chromiumSkipReason } from "../../support/chromium.js";
import { buildExtension } from "../../../extensions/thank-you-coupon/build-extension.js";
import {
  loadExtensionLocale,
  thankYouPageHtml,
  type ExtensionLocale,
} from "../../../scripts/shopify-simulator/create-shopify-simulator.js";

const CODE = "GLOW-7K3MXQ2PR9";
const READY = {
  status: "ready",
  coupon: {
    code: CODE,
    kind: "percentage",
    value: "10.0",
    currencyCode: "USD",
    minimumSubtotal: "50.00",
    endsAt: "2026-12-25T12:00:00Z",
  },
};

const DELIVERY = { earliest: "2026-12-03", latest: "2026-12-07" };

interface SeenRequest {
  orderId: string | null;
  authorization: string | undefined;
}

/** The app's backend as the extension sees it: another origin, so CORS (and its preflight) must be right. */
function backend(seen: SeenRequest[]) {
  const pendingLeft = new Map<string, number>([["gid://shopify/Order/pending-then-ready", 2]]);
  return (request: IncomingMessage, response: ServerResponse): void => {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Headers", "Authorization, Accept");
    if (request.method === "OPTIONS") return void response.writeHead(204).end();
    const url = new URL(request.url ?? "/", "http://backend");
    const orderId = url.searchParams.get("orderId");
    seen.push({ orderId, authorization: request.headers.authorization });
    if (url.pathname !== "/api/checkout/coupon" || !orderId) return void response.writeHead(404).end();
    if (orderId.endsWith("/fails")) return void response.writeHead(500).end("boom");
    if (orderId.endsWith("/none")) return void json(response, { status: "none" });
    if (orderId.endsWith("/none-with-delivery")) return void json(response, { status: "none", delivery: DELIVERY });
    if (orderId.endsWith("/ready-with-delivery")) return void json(response, { ...READY, delivery: DELIVERY });
    const left = pendingLeft.get(orderId) ?? 0;
    pendingLeft.set(orderId, left - 1);
    json(response, left > 0 ? { status: "pending" } : READY);
  };
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const origin = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/** The simulator's thank-you page for a made-up order, with a fixed session token the fake backend can check. */
function page(orderId: string, locale: ExtensionLocale): string {
  return thankYouPageHtml({
    bundleUrl: "/thank-you-coupon.js",
    orderConfirmation: { order: { id: orderId }, isFirstOrder: true },
    ...locale,
    sessionToken: { fixed: "browser-test-token" },
  });
}

/** Polls a Node-side condition (what the backend has seen) until it holds. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the backend to be asked");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Jest has no skip reason, so the reason goes into the suite's name.
const skipReason = chromiumSkipReason;
const describeInBrowser = skipReason ? describe.skip : describe;

describeInBrowser(`thank-you coupon extension in Chromium${skipReason}`, () => {
  const seen: SeenRequest[] = [];
  let api: Server;
  let site: Server;
  let browser: Browser;
  let buildDir: string;

  beforeAll(async () => {
    api = await listen(backend(seen));
    buildDir = await mkdtemp(join(tmpdir(), "thank-you-coupon-"));
    const built = await buildExtension({ appUrl: origin(api), outfile: join(buildDir, "thank-you-coupon.js") });
    const bundle = await readFile(built.outfile);
    const english = await loadExtensionLocale(
      fileURLToPath(new URL("../../../extensions/thank-you-coupon/locales/", import.meta.url)),
      "en-US",
    );
    site = await listen((request, response) => {
      if (request.url?.startsWith("/thank-you-coupon.js")) {
        return void response.writeHead(200, { "Content-Type": "text/javascript" }).end(bundle);
      }
      const orderId = new URL(request.url ?? "/", "http://site").searchParams.get("orderId") ?? "";
      response.writeHead(200, { "Content-Type": "text/html" }).end(page(orderId, english));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([api, site].filter(Boolean).map(close));
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    seen.length = 0;
  });

  async function open(orderId: string): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${origin(site)}/?orderId=${encodeURIComponent(orderId)}`);
    // Page-side code as strings: this file is type-checked for Node, without the DOM's types.
    await page.waitForFunction("'extensionStarted' in window");
    expect(errors).toEqual([]);
    return page;
  }

  /** Waits until the backend has been asked about the order and the block has settled, then reads the body. */
  async function settledBody(page: Page, orderId: string): Promise<string> {
    await until(() => seen.some((request) => request.orderId === orderId));
    await page.waitForFunction("document.body.childElementCount === 0");
    // Give a wrongly scheduled retry time to show up.
    await page.waitForTimeout(2000);
    return (await page.locator("body").innerHTML()).trim();
  }

  it("shows a skeleton while pending, then the coupon, and copies the code", async () => {
    const orderId = "gid://shopify/Order/pending-then-ready";
    const page = await open(orderId);
    await page.locator("s-skeleton-paragraph").waitFor();
    const code = page.locator("s-text", { hasText: CODE });
    await code.waitFor({ timeout: 10_000 });
    const text = await page.locator("body").innerText();
    expect(await page.locator("s-banner").getAttribute("heading")).toBe("A thank-you from us");
    expect(text).toContain("10% off your next order");
    expect(text).toContain("On orders of $50.00 or more");
    expect(text).toContain("Valid until December 25, 2026");
    expect(await page.locator("s-skeleton-paragraph").count()).toBe(0);
    expect(seen).toEqual(Array.from({ length: 3 }, () => ({ orderId, authorization: "Bearer browser-test-token" })));
    expect(await page.locator("s-clipboard-item").getAttribute("text")).toBe(CODE);
    await page.locator("s-button").click();
    await page.locator("s-button", { hasText: "Code copied" }).waitFor();
    await page.close();
  });

  it("renders nothing for an order that does not qualify", async () => {
    const page = await open("gid://shopify/Order/none");
    expect(await settledBody(page, "gid://shopify/Order/none")).toBe("");
    expect(seen).toHaveLength(1);
    await page.close();
  });

  it("an order without a coupon still shows when it arrives, and nothing else", async () => {
    const orderId = "gid://shopify/Order/none-with-delivery";
    const page = await open(orderId);
    const line = page.locator("s-text", { hasText: "Arrives between" });
    await line.waitFor({ timeout: 10_000 });
    expect(await line.innerText()).toBe("Arrives between Thu, Dec 3 and Mon, Dec 7");
    // Settled: one answer, no skeleton, no coupon, and no retry a moment later.
    await page.waitForTimeout(2000);
    expect(seen).toHaveLength(1);
    expect(await page.locator("s-skeleton-paragraph").count()).toBe(0);
    expect(await page.locator("s-banner").count()).toBe(0);
    await page.close();
  });

  it("shows the delivery window above the coupon when both are known", async () => {
    const page = await open("gid://shopify/Order/ready-with-delivery");
    await page.locator("s-text", { hasText: CODE }).waitFor({ timeout: 10_000 });
    const text = await page.locator("body").innerText();
    expect(text.indexOf("Arrives between Thu, Dec 3 and Mon, Dec 7")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("Arrives between")).toBeLessThan(text.indexOf("10% off your next order"));
    await page.close();
  });

  it("renders nothing, and no error, when the backend fails", async () => {
    const page = await open("gid://shopify/Order/fails");
    expect(await settledBody(page, "gid://shopify/Order/fails")).toBe("");
    expect(seen).toHaveLength(1);
    await page.close();
  });
});
