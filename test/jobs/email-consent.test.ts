import { fixturePayload, inboxSettled, installShop, paidOrderPayload, postWebhook } from "../support/shop-fixtures.js";
import { startTestStack, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let domain: string;
let shopId: number;

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  domain = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(domain))?.id ?? 0;
});
afterAll(() => stack.stop());

const consent = (state: string, at: string) => ({
  state,
  opt_in_level: "single_opt_in",
  consent_updated_at: at,
});

async function deliver(topic: string, payload: unknown) {
  const response = await postWebhook(stack, { topic, shop: domain, payload });
  expect(response.status).toBe(200);
  await waitFor(`${topic} processed`, () => inboxSettled(stack));
}

const stateOf = async (email: string) => (await stack.services.repositories.emailConsents.find(shopId, email))?.state;
const permission = (to: string, promotional = true) =>
  stack.services.sendPermission({ shopId, to, language: "en", promotional });

describe("email marketing consent from webhooks", () => {
  test("customers/create records the customer's consent under the lower-cased address", async () => {
    await deliver("customers/create", {
      ...fixturePayload("customers/create"),
      id: 8001,
      email: "Ann.Lee@Example.com",
      email_marketing_consent: consent("subscribed", "2026-11-20T10:02:00-05:00"),
    });
    expect(await stateOf("ann.lee@example.com")).toBe("subscribed");
    // The customer itself is still recorded by the customers/create handler.
    expect(await stack.services.prisma.customer.count({ where: { shopifyCustomerId: 8001n } })).toBe(1);
  });

  test("an order's customer consent is recorded, and points still flow", async () => {
    const order = paidOrderPayload(5550000000201, 8002, "30.00");
    await deliver("orders/paid", {
      ...order,
      customer: { ...order.customer, email_marketing_consent: consent("not_subscribed", "2026-11-21T09:00:00Z") },
    });
    expect(await stateOf("c8002@example.com")).toBe("not_subscribed");
    expect(await stack.services.prisma.ledgerEntry.count({ where: { shopifyOrderId: 5550000000201n } })).toBe(1);
  });

  test("a newer change wins; an older report (a late retry, an old order) never overwrites it", async () => {
    await deliver("customers_email_marketing_consent/update", {
      customer_id: 8002,
      email_address: "c8002@example.com",
      email_marketing_consent: consent("subscribed", "2026-11-22T09:00:00Z"),
    });
    expect(await stateOf("c8002@example.com")).toBe("subscribed");
    const old = paidOrderPayload(5550000000202, 8002, "30.00");
    await deliver("orders/paid", {
      ...old,
      customer: { ...old.customer, email_marketing_consent: consent("not_subscribed", "2026-11-21T09:00:00Z") },
    });
    expect(await stateOf("c8002@example.com")).toBe("subscribed");
  });

  test("a guest checkout or a payload without consent records nothing", async () => {
    await deliver("orders/paid", paidOrderPayload(5550000000203, null, "12.00"));
    const { email_marketing_consent: _dropped, ...customer } = fixturePayload("customers/create");
    await deliver("customers/create", { ...customer, id: 8003, email: "noconsent@example.com" });
    expect(await stateOf("noconsent@example.com")).toBeUndefined();
  });
});

describe("send permission", () => {
  test("promotional mail goes only to subscribed addresses, with RFC 8058 headers", async () => {
    const allowed = await permission("ANN.LEE@example.com");
    expect(allowed).toMatchObject({
      send: true,
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    if (!allowed.send) throw new Error("expected permission");
    expect(allowed.headers["List-Unsubscribe"]).toBe(`<${allowed.unsubscribeUrl}>`);
    expect(allowed.unsubscribeUrl).toMatch(new RegExp(`^${stack.appUrl}/email/unsubscribe/[\\w-]+\\.[\\w-]{43}$`));
    expect(await permission("noconsent@example.com")).toEqual({
      send: false,
      reason: "no email marketing consent on record",
    });
  });

  test("pending (double opt-in not confirmed) is not consent", async () => {
    await deliver("customers_email_marketing_consent/update", {
      customer_id: 8004,
      email_address: "pending@example.com",
      email_marketing_consent: consent("pending", "2026-11-22T09:00:00Z"),
    });
    expect(await permission("pending@example.com")).toEqual({
      send: false,
      reason: "email marketing consent is pending",
    });
  });

  test("transactional mail needs no consent and carries no unsubscribe headers", async () => {
    expect(await permission("noconsent@example.com", false)).toEqual({ send: true, headers: {}, unsubscribeUrl: null });
  });
});
