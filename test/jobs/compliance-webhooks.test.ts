// Compliance webhooks end to end: the simulator sends them signed, the worker acts, the admin downloads the export.
import { mintSessionToken } from "../../scripts/shopify-simulator/create-shopify-simulator.js";
import {
  addAfterSaleRecords,
  customerWithHistory,
  findTextAnywhere,
  type Person,
} from "../support/compliance-fixtures.js";
import { inboxSettled, installShop } from "../support/shop-fixtures.js";
import { startTestStack, testApiKey, testApiSecret, waitFor, type TestStack } from "../support/start-test-stack.js";

let stack: TestStack;
let shop: string;
let shopId: number;
const ann: Person = {
  firstName: "Zephyrine",
  lastName: "Quillfeather",
  email: "zephyrine.quill@example.net",
  phone: "+15550100777",
  street: "77 Marigold Lane",
};
const bob: Person = {
  firstName: "Bartholomew",
  lastName: "Oakhaven",
  email: "bart.oakhaven@example.org",
  phone: "+15550100888",
  street: "12 Juniper Court",
};
let annIds: { shopifyId: number; id: number; orderIds: number[] };
let bobIds: { shopifyId: number; id: number; orderIds: number[] };

async function settled() {
  await stack.sim.settle();
  await waitFor("every webhook processed", () => inboxSettled(stack), 30_000);
}

async function seed(person: Person, firstOrderId: number) {
  const trail = await customerWithHistory(stack, shop, person, firstOrderId);
  await settled();
  const customer = await stack.services.prisma.customer.findFirstOrThrow({
    where: { shopId, shopifyCustomerId: BigInt(trail.simCustomer.id) },
  });
  await addAfterSaleRecords(stack, shopId, customer.id, firstOrderId, person);
  return { shopifyId: trail.simCustomer.id, id: customer.id, orderIds: trail.orderIds };
}

function api(path: string) {
  const token = mintSessionToken({ shop, apiKey: testApiKey, apiSecret: testApiSecret });
  return fetch(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function latestOutcome(topic: string) {
  const row = await stack.services.prisma.webhookInbox.findFirstOrThrow({
    where: { shopDomain: shop, topic },
    orderBy: { id: "desc" },
  });
  return { status: row.status, outcome: row.outcome ?? "" };
}

beforeAll(async () => {
  stack = await startTestStack({ workers: 1 });
  shop = await installShop(stack);
  shopId = (await stack.services.repositories.shops.findByDomain(shop))?.id ?? 0;
  annIds = await seed(ann, 8101);
  bobIds = await seed(bob, 8201);
}, 60_000);
afterAll(() => stack.stop());

type Export = { customer: { shopifyCustomerId: string }; tables: Record<string, Record<string, unknown>[]> };

/** Rows each table holds for the customer, counted the plain way: by customer id, Shopify id or their orders. */
async function rowsOwnedBy(customer: typeof annIds): Promise<Record<string, number>> {
  const tables = await stack.services.pool.query<{ table_name: string; columns: string[] }>(
    `SELECT table_name::text, array_agg(column_name::text) AS columns FROM information_schema.columns
     WHERE table_schema = current_schema() GROUP BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table, columns } of tables.rows) {
    const tests: string[] = [];
    if (columns.includes("customer_id")) tests.push(`customer_id = ${customer.id}`);
    if (columns.includes("shopify_customer_id")) tests.push(`shopify_customer_id = ${customer.shopifyId}`);
    if (columns.includes("shopify_order_id") && !columns.includes("customer_id")) {
      tests.push(`shopify_order_id IN (${customer.orderIds.join(", ")})`);
    }
    if (table === "customer") tests.push(`id = ${customer.id}`);
    if (tests.length === 0 || !columns.includes("shop_id")) continue;
    const found = await stack.services.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE shop_id = ${shopId} AND (${tests.join(" OR ")})`,
    );
    if ((found.rows[0]?.n ?? 0) > 0) counts[table] = found.rows[0]?.n ?? 0;
  }
  return counts;
}

let exportId = 0;

describe("customers/data_request", () => {
  test("the export holds every row stored for the customer and nothing of another customer", async () => {
    stack.sim.requestCustomerData(shop, annIds.shopifyId);
    await settled();
    const { status, outcome } = await latestOutcome("customers/data_request");
    expect(status).toBe("completed");
    expect(outcome).toMatch(/^customer data gathered: .*download: GET \/api\/compliance\/requests\/\d+$/);
    exportId = Number(/requests\/(\d+)$/.exec(outcome)?.[1]);

    const list = (await (await api("/api/compliance/requests")).json()) as { requests: { id: number }[] };
    expect(list.requests).toEqual([expect.objectContaining({ id: exportId, topic: "customers/data_request" })]);
    const response = await api(`/api/compliance/requests/${exportId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const data = (await response.json()) as Export;
    expect(data.customer.shopifyCustomerId).toBe(String(annIds.shopifyId));

    const owned = await rowsOwnedBy(annIds);
    // The trail reaches at least these; each table the plain count finds is in the export with at least those rows.
    expect(Object.keys(owned)).toEqual(
      expect.arrayContaining(["customer", "order", "ledger_entry", "email_outbox", "nps_response", "campaign_send"]),
    );
    for (const [table, count] of Object.entries(owned)) {
      expect({ table, rows: data.tables[table]?.length ?? 0 }).toEqual({ table, rows: expect.any(Number) });
      expect(data.tables[table]?.length ?? 0).toBeGreaterThanOrEqual(count);
    }
    const text = JSON.stringify(data);
    expect(text).toContain(ann.email);
    expect(text).toContain(ann.firstName);
    expect(text).toContain("mug is lovely");
    for (const other of [bob.email, bob.firstName, bob.lastName, bob.street, String(bobIds.shopifyId)]) {
      expect(text).not.toContain(other);
    }
    for (const orderId of bobIds.orderIds) expect(text).not.toContain(String(orderId));
    for (const rows of Object.values(data.tables)) {
      for (const row of rows) expect(row.customer_id ?? null).not.toBe(bobIds.id);
    }
  });

  test("another shop cannot download it", async () => {
    const other = await installShop(stack, "other-compliance.myshopify.com");
    const token = mintSessionToken({ shop: other, apiKey: testApiKey, apiSecret: testApiSecret });
    const response = await fetch(`${stack.appUrl}/api/compliance/requests/${exportId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });
});

async function shopTotals() {
  const result = await stack.services.pool.query(
    `SELECT (SELECT sum(points_balance)::int FROM customer WHERE shop_id = $1) AS balance,
            (SELECT sum(pending_points)::int FROM customer WHERE shop_id = $1) AS pending,
            (SELECT count(*)::int FROM customer WHERE shop_id = $1) AS customers,
            (SELECT count(*)::int FROM "order" WHERE shop_id = $1) AS orders,
            (SELECT sum(subtotal_price)::text FROM "order" WHERE shop_id = $1) AS revenue,
            (SELECT count(*)::int FROM ledger_entry WHERE shop_id = $1) AS entries,
            (SELECT count(*)::int FROM email_outbox WHERE shop_id = $1) AS emails,
            (SELECT count(*)::int FROM nps_response WHERE shop_id = $1) AS answers`,
    [shopId],
  );
  return result.rows[0] as Record<string, unknown>;
}

describe("customers/redact", () => {
  test("nothing of the customer's email, name, phone or address remains in any table; the shop's totals stay", async () => {
    const needles = [ann.email, ann.firstName, ann.lastName, ann.phone, ann.phone.slice(2), ann.street];
    expect((await findTextAnywhere(stack, needles)).length).toBeGreaterThan(0);
    const before = await shopTotals();
    stack.sim.redactCustomer(shop, annIds.shopifyId);
    await settled();
    const { status, outcome } = await latestOutcome("customers/redact");
    expect({ status, outcome }).toEqual({
      status: "completed",
      outcome: expect.stringMatching(/^anonymised 1 customer.* 1 ledger reason/),
    });

    expect(await findTextAnywhere(stack, needles)).toEqual([]);
    expect(await shopTotals()).toEqual(before);
    expect(await stack.services.repositories.ledger.balanceMismatches(shopId)).toEqual([]);
    // The other customer is untouched (the scan can find what is there).
    const bobHits = await findTextAnywhere(stack, [bob.email, bob.street]);
    expect(bobHits.map((hit) => hit.table)).toEqual(expect.arrayContaining(["customer", "webhook_inbox"]));
    expect((await api(`/api/compliance/requests/${exportId}`)).status).toBe(404);
  });
});

describe("shop/redact", () => {
  test("refused while the shop is installed, then removes every row of the shop after uninstall", async () => {
    stack.sim.redactShop(shop);
    await settled();
    expect(await latestOutcome("shop/redact")).toEqual({
      status: "skipped",
      outcome: "shop is installed; nothing removed",
    });
    expect(await stack.services.prisma.customer.count({ where: { shopId } })).toBeGreaterThan(0);

    stack.sim.uninstallApp(shop);
    await settled();
    stack.sim.redactShop(shop);
    await settled();
    const tables = await stack.services.pool.query<{ table_name: string }>(
      `SELECT table_name::text FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'shop_id'`,
    );
    for (const { table_name: table } of tables.rows) {
      const left = await stack.services.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE shop_id = $1`,
        [shopId],
      );
      expect({ table, rows: left.rows[0]?.n }).toEqual({ table, rows: 0 });
    }
    const inbox = await stack.services.prisma.webhookInbox.findMany({ where: { shopDomain: shop } });
    expect(inbox.map((row) => [row.topic, row.status])).toEqual([["shop/redact", "completed"]]);
    expect(inbox[0]?.outcome).toMatch(/^removed the shop's data: 2 customers/);
    expect(await stack.services.prisma.session.count({ where: { shop } })).toBe(0);
    const records = await stack.services.prisma.complianceRequest.findMany({ where: { shopDomain: shop } });
    expect(records.map((record) => record.topic)).toEqual(["shop/redact"]);
    // Bob's data went with the shop.
    expect(await findTextAnywhere(stack, [bob.email, bob.street])).toEqual([]);
  });
});
