// Proves the simulator's discount codes answer the library's GraphQL client like Shopify 2026-10 and redeem like a checkout.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, GraphqlQueryError, Session, shopifyApi } from "@shopify/shopify-api";
import {
  createShopifySimulator,
  type ShopifySimulator,
} from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import { buildOrderPayload } from "../../scripts/shopify-simulator/payloads/order-payload.js";
import { CREATE_BASIC, CREATE_FREE_SHIPPING, FIND_BY_CODE } from "./discount-code-documents.js";
import { useSimulatorFetch } from "./simulator-fetch.js";

const shopDomain = "coupon-shop.myshopify.com";
const shopify = shopifyApi({
  apiKey: "sim-test-key",
  apiSecretKey: "sim-test-secret",
  apiVersion: ApiVersion.October26,
  hostName: "127.0.0.1",
  hostScheme: "http",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

type Json = Record<string, unknown>;

let sim: ShopifySimulator;
let client: InstanceType<typeof shopify.clients.Graphql>;

function clientFor(shop: string, token: string): InstanceType<typeof shopify.clients.Graphql> {
  const session = new Session({ id: `offline_${shop}`, shop, state: "s", isOnline: false, accessToken: token });
  return new shopify.clients.Graphql({ session });
}

beforeAll(async () => {
  sim = await createShopifySimulator({
    apiKey: "sim-test-key",
    apiSecret: "sim-test-secret",
    appUrl: "http://127.0.0.1:9",
    retryDelaysMs: [5],
  });
  useSimulatorFetch(() => sim.url);
  sim.createShop({ domain: shopDomain, name: "Coupon Shop", currencyCode: "EUR" });
  client = clientFor(shopDomain, sim.grantAccessToken(shopDomain).token);
});

afterAll(() => sim.close());

const startsAt = "2026-01-01T00:00:00Z";
const endsAt = "2099-01-01T00:00:00Z";

function basicInput(code: string, overrides: Json = {}): Json {
  return {
    title: `Thank you ${code}`,
    code,
    context: { all: "ALL" },
    customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    startsAt,
    ...overrides,
  };
}

async function createBasic(input: Json): Promise<{ data: Json; cost: unknown }> {
  const response = await client.request(CREATE_BASIC, { variables: { discount: input } });
  return { data: response.data?.discountCodeBasicCreate as Json, cost: response.extensions?.cost };
}

async function findByCode(code: string): Promise<Json | null> {
  const response = await client.request(FIND_BY_CODE, { variables: { code } });
  return (response.data?.codeDiscountNodeByCode as Json | null) ?? null;
}

function newCustomer(first: string) {
  return sim.createCustomer(shopDomain, {
    firstName: first,
    lastName: "Lee",
    email: `${first.toLowerCase()}@example.com`,
  });
}

const mug = [{ title: "Mug", price: "30.00", quantity: 2 }];

test("a percentage code limited to one customer is created and read back by code", async () => {
  const ann = newCustomer("Ann");
  const { data, cost } = await createBasic(
    basicInput("THANKS-ANN", {
      context: { customers: { add: [`gid://shopify/Customer/${ann.id}`] } },
      customerGets: { value: { percentage: 0.15 }, items: { all: true } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "40" } },
      combinesWith: { productDiscounts: true },
      usageLimit: 1,
      appliesOncePerCustomer: true,
      endsAt,
    }),
  );
  const expected = {
    id: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\/\d{13}$/),
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: "Thank you THANKS-ANN",
      status: "ACTIVE",
      startsAt,
      endsAt,
      usageLimit: 1,
      appliesOncePerCustomer: true,
      asyncUsageCount: 0,
      codes: { nodes: [{ code: "THANKS-ANN" }] },
      customerGets: { value: { percentage: 0.15 } },
      minimumRequirement: { greaterThanOrEqualToSubtotal: { amount: "40.00", currencyCode: "EUR" } },
      combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: false },
      context: { customers: [{ id: `gid://shopify/Customer/${ann.id}` }] },
    },
  };
  expect(data).toEqual({ codeDiscountNode: expected, userErrors: [] });
  // Mutations cost 10 whatever they select.
  expect(cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
  expect(await findByCode("thanks-ann")).toEqual(expected);
  expect(sim.discountCode(shopDomain, "THANKS-ANN")).toMatchObject({ customerIds: [ann.id], usageLimit: 1 });
});

test("a fixed-amount code for every buyer is created and read back", async () => {
  const { data } = await createBasic(
    basicInput("TENOFF", { customerGets: { value: { discountAmount: { amount: "10" } }, items: { all: true } } }),
  );
  expect(data.userErrors).toEqual([]);
  expect(await findByCode("TENOFF")).toMatchObject({
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      endsAt: null,
      usageLimit: null,
      appliesOncePerCustomer: false,
      customerGets: { value: { amount: { amount: "10.00", currencyCode: "EUR" }, appliesOnEachItem: false } },
      minimumRequirement: null,
      context: { all: "ALL" },
    },
  });
});

test("a free-shipping code is created and read back; an unknown code reads as null", async () => {
  const response = await client.request(CREATE_FREE_SHIPPING, {
    variables: {
      discount: { title: "Free shipping", code: "SHIPFREE", context: { all: "ALL" }, startsAt, usageLimit: 5 },
    },
  });
  expect(response.data?.discountCodeFreeShippingCreate).toMatchObject({ userErrors: [] });
  expect(await findByCode("SHIPFREE")).toMatchObject({
    codeDiscount: {
      __typename: "DiscountCodeFreeShipping",
      title: "Free shipping",
      usageLimit: 5,
      codes: { nodes: [{ code: "SHIPFREE" }] },
      context: { all: "ALL" },
    },
  });
  expect(await findByCode("NO-SUCH-CODE")).toBeNull();
});

test("a second code with the same spelling (any case) gets TAKEN and no node", async () => {
  expect((await createBasic(basicInput("WELCOME"))).data.userErrors).toEqual([]);
  const { data } = await createBasic(basicInput("welcome"));
  expect(data).toEqual({
    codeDiscountNode: null,
    userErrors: [
      {
        field: ["basicCodeDiscount", "code"],
        code: "TAKEN",
        message: "Code must be unique. Please try a different code.",
      },
    ],
  });
});

test("invalid input comes back as userErrors, with data", async () => {
  const { data } = await createBasic(
    basicInput("", {
      title: " ",
      context: { customers: { add: ["gid://shopify/Customer/1"] } },
      customerGets: { value: { percentage: 1.5 }, items: { all: true } },
      endsAt: "2025-01-01T00:00:00Z",
    }),
  );
  expect(data.codeDiscountNode).toBeNull();
  expect(data.userErrors).toEqual([
    { field: ["basicCodeDiscount", "title"], code: "BLANK", message: "Title can't be blank" },
    { field: ["basicCodeDiscount", "code"], code: "BLANK", message: "Code can't be blank" },
    { field: ["basicCodeDiscount", "endsAt"], code: "INVALID", message: "Ends at needs to be after starts_at" },
    { field: ["basicCodeDiscount", "context", "customers", "add"], code: "INVALID", message: expect.any(String) },
    {
      field: ["basicCodeDiscount", "customerGets", "value", "percentage"],
      code: "VALUE_OUTSIDE_RANGE",
      message: expect.any(String),
    },
  ]);
});

test("the deprecated customerSelection input is refused as an invalid variable, creating nothing", async () => {
  const input = basicInput("OLD-STYLE", { customerSelection: { all: true } });
  const error = await createBasic(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphqlQueryError);
  expect((error as GraphqlQueryError).body?.errors).toMatchObject({
    graphQLErrors: [
      {
        message:
          "Variable $discount of type DiscountCodeBasicInput! was provided invalid value for customerSelection (Field is not defined on DiscountCodeBasicInput)",
        extensions: {
          problems: [{ path: ["customerSelection"], explanation: "Field is not defined on DiscountCodeBasicInput" }],
        },
      },
    ],
  });
  expect(sim.discountCode(shopDomain, "OLD-STYLE")).toBeUndefined();
});

test("a code limited to one customer is refused at checkout for another", async () => {
  const bea = newCustomer("Bea");
  const cy = newCustomer("Cy");
  await createBasic(basicInput("ONLY-BEA", { context: { customers: { add: [`gid://shopify/Customer/${bea.id}`] } } }));
  const ordersBefore = sim.store.listOrders(shopDomain).length;
  const discountCodes = [{ code: "only-bea", amount: "6.00", type: "fixed_amount" as const }];
  expect(() => sim.createOrder(shopDomain, { customerId: cy.id, lineItems: mug, discountCodes })).toThrow(
    /ONLY-BEA is limited to specific customers/,
  );
  expect(() => sim.createOrder(shopDomain, { lineItems: mug, discountCodes })).toThrow(/limited to specific customers/);
  expect(sim.store.listOrders(shopDomain)).toHaveLength(ordersBefore);
  const order = sim.createOrder(shopDomain, { customerId: bea.id, lineItems: mug, discountCodes });
  // The order records the code as stored and of the stored kind, as Shopify's order does.
  expect(buildOrderPayload(sim.shop(shopDomain), order, bea).discount_codes).toEqual([
    { code: "ONLY-BEA", amount: "6.00", type: "percentage" },
  ]);
  expect(sim.discountCode(shopDomain, "ONLY-BEA")?.asyncUsageCount).toBe(1);
});

test("usage limit 1 allows one redemption only, and the count shows through the API", async () => {
  await createBasic(basicInput("ONCE", { usageLimit: 1 }));
  const discountCodes = [{ code: "ONCE", amount: "6.00", type: "percentage" as const }];
  sim.createOrder(shopDomain, { customerId: newCustomer("Dee").id, lineItems: mug, discountCodes });
  expect(() =>
    sim.createOrder(shopDomain, { customerId: newCustomer("Eve").id, lineItems: mug, discountCodes }),
  ).toThrow(/ONCE has reached its usage limit of 1/);
  expect(await findByCode("ONCE")).toMatchObject({ codeDiscount: { asyncUsageCount: 1, usageLimit: 1 } });
  expect(sim.discountCode(shopDomain, "ONCE")?.usages).toHaveLength(1);
});

test("an expired code reads as EXPIRED and is refused at checkout", async () => {
  await createBasic(basicInput("BYGONE", { startsAt: "2020-01-01T00:00:00Z", endsAt: "2020-02-01T00:00:00Z" }));
  expect(await findByCode("BYGONE")).toMatchObject({ codeDiscount: { status: "EXPIRED" } });
  const discountCodes = [{ code: "BYGONE", amount: "6.00", type: "percentage" as const }];
  expect(() => sim.createOrder(shopDomain, { lineItems: mug, discountCodes })).toThrow(/BYGONE expired/);
});

test("a burst of mutations past the bucket is THROTTLED", async () => {
  const shop = sim.createShop({
    domain: "coupon-burst.myshopify.com",
    name: "Burst",
    maximumAvailable: 30,
    restoreRate: 1,
  });
  const burstClient = clientFor(shop.domain, sim.grantAccessToken(shop).token);
  const outcomes: string[] = [];
  for (let i = 0; i < 4; i++) {
    const outcome = await burstClient.request(CREATE_BASIC, { variables: { discount: basicInput(`BURST-${i}`) } }).then(
      () => "ok",
      (e: unknown) => (e instanceof GraphqlQueryError ? e.message : String(e)),
    );
    outcomes.push(outcome);
  }
  expect(outcomes).toEqual(["ok", "ok", "ok", "Throttled"]);
  expect(sim.discountCodes(shop).map((d) => d.code)).toEqual(["BURST-0", "BURST-1", "BURST-2"]);
});
