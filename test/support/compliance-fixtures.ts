// Compliance test helpers: a customer with a trail in many tables, and a scan of every text column of every table.
import { fixturePayload, paidOrderPayload, postWebhook } from "./shop-fixtures.js";
import type { TestStack } from "./start-test-stack.js";

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
}

/** A shopper Shopify knows (customers/create from the simulator) with paid orders, a refund, a fulfilment, a survey
 * answer, a staff adjustment and a campaign send: something of them in most tables. */
export async function customerWithHistory(stack: TestStack, shop: string, person: Person, firstOrderId: number) {
  const { sim, services } = stack;
  const shopRow = await services.prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
  const simCustomer = sim.createCustomer(shop, { ...person, acceptsMarketing: true });
  const address = {
    first_name: person.firstName,
    last_name: person.lastName,
    name: `${person.firstName} ${person.lastName}`,
    address1: person.street,
    city: "Springfield",
    zip: "12345",
    country_code: "US",
    phone: person.phone,
  };
  const base = paidOrderPayload(firstOrderId, simCustomer.id, "120.00");
  const customer = {
    ...(base.customer ?? {}),
    email: person.email,
    first_name: person.firstName,
    last_name: person.lastName,
    phone: person.phone,
  };
  const paid = {
    ...base,
    email: person.email,
    contact_email: person.email,
    phone: person.phone,
    customer,
    shipping_address: address,
    billing_address: address,
  };
  await postWebhook(stack, { shop, topic: "orders/paid", payload: paid });
  const refund = {
    ...fixturePayload("refunds/create"),
    id: firstOrderId + 1,
    order_id: firstOrderId,
    refund_line_items: [
      {
        id: firstOrderId + 2,
        quantity: 1,
        subtotal: 20,
        subtotal_set: { shop_money: { amount: "20.00", currency_code: "USD" } },
      },
    ],
  };
  await postWebhook(stack, { shop, topic: "refunds/create", payload: refund });
  const order = sim.createOrder(shop, {
    customerId: simCustomer.id,
    lineItems: [{ title: "Tea Sampler", price: "40.00", quantity: 1 }],
  });
  sim.payOrder(shop, order.id);
  sim.fulfillOrder(shop, order.id, { trackingCompany: "UPS", trackingNumber: `1Z${order.id}` });
  await sim.settle();
  return { simCustomer, shopId: shopRow.id, orderIds: [firstOrderId, order.id] };
}

/** Afterwards-only records a support agent or a campaign leaves: an adjustment, a survey answer, a campaign send. */
export async function addAfterSaleRecords(
  stack: TestStack,
  shopId: number,
  customerId: number,
  orderId: number,
  person: Person,
) {
  const { services } = stack;
  await services.repositories.ledger.append({
    shopId,
    customerId,
    points: 15,
    cause: "adjustment",
    idempotencyKey: `goodwill:${customerId}`,
    reason: `Goodwill for ${person.firstName} ${person.lastName.toUpperCase()} (${person.email}): parcel late`,
    actor: "staff-1",
  });
  await services.prisma.npsResponse.create({
    data: {
      shopId,
      shopifyOrderId: BigInt(orderId),
      score: 9,
      comment: `${person.firstName} says the mug is lovely`,
      language: "en",
      firstAnsweredAt: new Date(),
      answeredAt: new Date(),
    },
  });
  await services.prisma.campaignSend.create({
    data: { shopId, campaign: "winback", customerId, periodKey: `winback:${customerId}:1`, points: 50 },
  });
}

export interface TextHit {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

/** Every text, varchar, json, jsonb and array column of every table in the schema, searched for each needle. */
export async function findTextAnywhere(stack: TestStack, needles: string[]): Promise<TextHit[]> {
  const columns = await stack.services.pool.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name::text, c.column_name::text FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  );
  const hits: TextHit[] = [];
  for (const { table_name: table, column_name: column } of columns.rows) {
    for (const needle of needles) {
      const found = await stack.services.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
        [needle],
      );
      const rows = found.rows[0]?.n ?? 0;
      if (rows > 0) hits.push({ table, column, needle, rows });
    }
  }
  return hits;
}
