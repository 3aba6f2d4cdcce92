// Proves the Admin GraphQL endpoint answers the library's client like Shopify: data, cost extensions, auth and throttling.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, Session, shopifyApi } from "@shopify/shopify-api";
import {
  createShopifySimulator,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { useSimulatorFetch } from "./simulator-fetch.js";

const shopDomain = "demo-shop.myshopify.com";
const shopify = shopifyApi({
  apiKey: "sim-test-key",
  apiSecretKey: "sim-test-secret",
  apiVersion: ApiVersion.October26,
  hostName: "127.0.0.1",
  hostScheme: "http",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

let sim: ShopifySimulator;
let token: string;

beforeAll(async () => {
  sim = await createShopifySimulator({
    apiKey: "sim-test-key",
    apiSecret: "sim-test-secret",
    appUrl: "http://127.0.0.1:9",
    retryDelaysMs: [5],
  });
  useSimulatorFetch(() => sim.url);
  sim.createShop({
    domain: shopDomain,
    name: "Demo Shop",
    email: "owner@demo.test",
    currencyCode: "EUR",
    ianaTimezone: "Europe/Paris",
    countryCode: "FR",
  });
  token = sim.grantAccessToken(shopDomain).token;
});

afterAll(() => sim.close());

async function rawQuery(shop: string, query: string, accessToken = token): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.url}/store/${shop}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

test("the library's GraphQL client reads the shop and an order, with Shopify's cost extension", async () => {
  const customer = sim.createCustomer(shopDomain, { firstName: "Ann", lastName: "Lee", email: "ann@example.com" });
  const order = sim.createOrder(shopDomain, {
    customerId: customer.id,
    lineItems: [{ title: "Mug", price: "12.50", quantity: 2, sku: "MUG-1" }],
    shippingPrice: "5.00",
    taxRate: 0.2,
  });
  sim.payOrder(shopDomain, order.id);
  const session = new Session({
    id: "offline_demo",
    shop: shopDomain,
    state: "s",
    isOnline: false,
    accessToken: token,
  });
  const client = new shopify.clients.Graphql({ session });
  const response = await client.request(
    `query($id: ID!) {
      shop { id name email myshopifyDomain currencyCode ianaTimezone billingAddress { countryCodeV2 } }
      order(id: $id) {
        id name displayFinancialStatus customerLocale
        currentSubtotalPriceSet { shopMoney { amount currencyCode } }
        totalPriceSet { shopMoney { amount } }
        customer { id numberOfOrders amountSpent { amount currencyCode } }
        lineItems(first: 5) { nodes { title quantity sku } }
      }
    }`,
    { variables: { id: `gid://shopify/Order/${order.id}` } },
  );
  expect(response.data?.shop).toEqual({
    id: expect.stringMatching(/^gid:\/\/shopify\/Shop\/\d{13}$/),
    name: "Demo Shop",
    email: "owner@demo.test",
    myshopifyDomain: shopDomain,
    currencyCode: "EUR",
    ianaTimezone: "Europe/Paris",
    billingAddress: { countryCodeV2: "FR" },
  });
  expect(response.data?.order).toEqual({
    id: `gid://shopify/Order/${order.id}`,
    name: "#1001",
    displayFinancialStatus: "PAID",
    customerLocale: "en",
    currentSubtotalPriceSet: { shopMoney: { amount: "25.00", currencyCode: "EUR" } },
    totalPriceSet: { shopMoney: { amount: "35.00" } },
    customer: {
      id: `gid://shopify/Customer/${customer.id}`,
      numberOfOrders: "1",
      amountSpent: { amount: "35.00", currencyCode: "EUR" },
    },
    lineItems: { nodes: [{ title: "Mug", quantity: 2, sku: "MUG-1" }] },
  });
  // shop 1 + billingAddress 1 + order 1 + 2 money bags × 2 + customer 1 + amountSpent 1 + lineItems 2 + 5 × 1 = 16
  expect(response.extensions?.cost).toEqual({
    requestedQueryCost: 16,
    actualQueryCost: 12,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 },
  });
});

test("customer { numberOfOrders } counts the orders placed in the simulator, as a string, for 1 point", async () => {
  const customer = sim.createCustomer(shopDomain, { firstName: "Noor", lastName: "Ali", email: "noor@example.com" });
  const gid = `gid://shopify/Customer/${customer.id}`;
  const count = () => rawQuery(shopDomain, `{ customer(id: "${gid}") { numberOfOrders } }`);
  const before = (await count()).body as { data: unknown; extensions: { cost: Record<string, unknown> } };
  expect(before.data).toEqual({ customer: { numberOfOrders: "0" } });
  expect(before.extensions.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
  const lineItems = [{ title: "Cup", price: "8.00", quantity: 1 }];
  const first = sim.createOrder(shopDomain, { customerId: customer.id, lineItems });
  sim.createOrder(shopDomain, { customerId: customer.id, lineItems });
  expect(((await count()).body as { data: unknown }).data).toEqual({ customer: { numberOfOrders: "2" } });
  const unknown = await rawQuery(shopDomain, `{ customer(id: "gid://shopify/Customer/1") { numberOfOrders } }`);
  expect((unknown.body as { data: unknown }).data).toEqual({ customer: null });
  // The customer's oldest order: a connection of one (2 + 1 × 1 = 3 points).
  const oldest = await rawQuery(
    shopDomain,
    `{ orders(first: 1, sortKey: CREATED_AT, query: "customer_id:${customer.id}") { nodes { id } } }`,
  );
  expect(oldest.body).toMatchObject({
    data: { orders: { nodes: [{ id: `gid://shopify/Order/${first.id}` }] } },
    extensions: { cost: { requestedQueryCost: 3, actualQueryCost: 3 } },
  });
});

test("a bad access token gets Shopify's 401 body", async () => {
  const { status, body } = await rawQuery(shopDomain, "{ shop { name } }", "shpat_wrong");
  expect(status).toBe(401);
  expect(body).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
});

test("connections page with first/after and filter with a search query", async () => {
  const { body } = await rawQuery(
    shopDomain,
    `{ customers(first: 1, query: "email:ann@example.com") { pageInfo { hasNextPage endCursor } nodes { email } } }`,
  );
  expect(body).toMatchObject({
    data: { customers: { pageInfo: { hasNextPage: false }, nodes: [{ email: "ann@example.com" }] } },
  });
});

test("a query over 1000 points is rejected with MAX_COST_EXCEEDED", async () => {
  const { body } = await rawQuery(
    shopDomain,
    "{ orders(first: 250) { nodes { id customer { id } lineItems(first: 10) { nodes { id } } } } }",
  );
  expect(body).toMatchObject({
    errors: [{ extensions: { code: "MAX_COST_EXCEEDED" } }],
    extensions: { cost: { actualQueryCost: null } },
  });
});

test("a burst of expensive queries is THROTTLED and succeeds after (requested - available) / restoreRate seconds", async () => {
  const shop = sim.createShop({
    domain: "busy-shop.myshopify.com",
    name: "Busy",
    maximumAvailable: 200,
    restoreRate: 100,
  });
  const busyToken = sim.grantAccessToken(shop).token;
  for (let i = 0; i < 60; i++)
    sim.store.createCustomer(shop.domain, { firstName: `C${i}`, lastName: "X", email: `c${i}@x.test` });
  const query = "{ customers(first: 60) { nodes { id } } }";
  type CostBody = {
    errors?: { message: string; extensions: { code: string } }[];
    extensions: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: { currentlyAvailable: number; restoreRate: number };
      };
    };
  };
  let throttled: CostBody | undefined;
  for (let i = 0; i < 5 && !throttled; i++) {
    const { status, body } = await rawQuery(shop.domain, query, busyToken);
    expect(status).toBe(200);
    if ((body as CostBody).errors) throttled = body as CostBody;
  }
  expect(throttled).toMatchObject({
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
    extensions: { cost: { requestedQueryCost: 62, actualQueryCost: null } },
  });
  const { requestedQueryCost, throttleStatus } = throttled?.extensions.cost ?? {
    requestedQueryCost: 0,
    throttleStatus: { currentlyAvailable: 0, restoreRate: 1 },
  };
  const waitMs = ((requestedQueryCost - throttleStatus.currentlyAvailable) / throttleStatus.restoreRate) * 1000;
  await new Promise((resolve) => setTimeout(resolve, waitMs + 20));
  const retry = await rawQuery(shop.domain, query, busyToken);
  expect(retry.body).toMatchObject({ extensions: { cost: { requestedQueryCost: 62, actualQueryCost: 62 } } });
  expect((retry.body as { data: { customers: { nodes: unknown[] } } }).data.customers.nodes).toHaveLength(60);
});

test("a token without read_orders gets ACCESS_DENIED for orders", async () => {
  const limited = sim.grantAccessToken(shopDomain, ["read_customers"]).token;
  const { body } = await rawQuery(shopDomain, "{ orders(first: 1) { nodes { id } } }", limited);
  expect(body).toMatchObject({ errors: [{ extensions: { code: "ACCESS_DENIED" } }] });
});
