// Proves the simulated OAuth endpoints behave like Shopify's, and that installApp completes a real library install.
import "@shopify/shopify-api/adapters/node";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiVersion, shopifyApi, type Session } from "@shopify/shopify-api";
import express from "express";
import {
  createShopifySimulator,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { useSimulatorFetch } from "./simulator-fetch.js";

const apiKey = "sim-test-key";
const apiSecret = "sim-test-secret";
const shopDomain = "demo-shop.myshopify.com";

let sim: ShopifySimulator;
let appServer: Server;
let appUrl: string;
const sessions: Session[] = [];

function makeShopify(hostName: string) {
  return shopifyApi({
    apiKey,
    apiSecretKey: apiSecret,
    apiVersion: ApiVersion.October26,
    scopes: ["read_customers", "read_orders"],
    hostName,
    hostScheme: "http",
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
}

let shopify: ReturnType<typeof makeShopify>;

beforeAll(async () => {
  const app = express();
  appServer = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
  shopify = makeShopify(new URL(appUrl).host);
  app.get("/api/auth", async (req, res) => {
    await shopify.auth.begin({
      shop: String(req.query.shop),
      callbackPath: "/api/auth/callback",
      isOnline: false,
      rawRequest: req,
      rawResponse: res,
    });
  });
  app.get("/api/auth/callback", async (req, res) => {
    const { session } = await shopify.auth.callback({ rawRequest: req, rawResponse: res });
    sessions.push(session);
    res.redirect(302, `/?shop=${session.shop}`);
  });
  sim = await createShopifySimulator({ apiKey, apiSecret, appUrl, retryDelaysMs: [5] });
  sim.createShop({ domain: shopDomain, name: "Demo Shop" });
  useSimulatorFetch(() => sim.url);
});

afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => appServer.close(() => resolve()));
});

function authorizeUrl(overrides: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: apiKey,
    scope: "read_orders",
    redirect_uri: `${appUrl}/api/auth/callback`,
    state: "nonce-123",
    ...overrides,
  });
  return `${sim.url}/store/${shopDomain}/admin/oauth/authorize?${params.toString()}`;
}

async function authorize(): Promise<URL> {
  const response = await fetch(authorizeUrl(), { redirect: "manual" });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

async function exchange(code: string, secret = apiSecret): Promise<Response> {
  return fetch(`${sim.url}/store/${shopDomain}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_id: apiKey, client_secret: secret, code }),
  });
}

test("authorize redirects to the app with an hmac shopify.utils.validateHmac accepts", async () => {
  const location = await authorize();
  expect(location.pathname).toBe("/api/auth/callback");
  const query = Object.fromEntries(location.searchParams);
  expect(query).toMatchObject({ shop: shopDomain, state: "nonce-123" });
  expect(Buffer.from(query.host ?? "", "base64").toString()).toBe("admin.shopify.com/store/demo-shop");
  await expect(shopify.utils.validateHmac(query)).resolves.toBe(true);
  await expect(shopify.utils.validateHmac({ ...query, state: "forged" })).resolves.toBe(false);
});

test("authorize refuses an unknown client id or a redirect path missing from the toml", async () => {
  expect((await fetch(authorizeUrl({ client_id: "someone-else" }), { redirect: "manual" })).status).toBe(400);
  expect((await fetch(authorizeUrl({ redirect_uri: `${appUrl}/evil` }), { redirect: "manual" })).status).toBe(400);
});

test("the code is exchanged once for an access token; reuse and a wrong secret fail with 400", async () => {
  const code = (await authorize()).searchParams.get("code") ?? "";
  const wrongSecret = await exchange(code, "not-the-secret");
  expect(wrongSecret.status).toBe(400);
  const first = await exchange(code);
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ access_token: expect.stringMatching(/^shpat_/), scope: "read_orders" });
  const reused = await exchange(code);
  expect(reused.status).toBe(400);
});

test("installApp drives shopify.auth.begin and callback to a stored session and installs the app", async () => {
  const result = await sim.installApp(shopDomain);
  expect(result).toEqual({ status: 302, location: `/?shop=${shopDomain}` });
  expect(sessions.at(-1)).toMatchObject({ shop: shopDomain, isOnline: false, scope: "read_customers,read_orders" });
  expect(sim.isInstalled(shopDomain)).toBe(true);
});
