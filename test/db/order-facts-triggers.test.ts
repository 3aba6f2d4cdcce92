import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

// More customers in one statement than PostgreSQL's lock table holds by default (64 x 100 connections, plus some
// slack): the order triggers must not take a lock per customer, or deleting a large shop fails.
const customers = 40_000;

describe("order triggers at scale", () => {
  test(`one statement writing ${customers} customers' first orders, then deleting the shop, both succeed`, async () => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO shop (domain, updated_at) VALUES ('facts-scale.myshopify.com', now()) RETURNING id`,
    );
    const shopId = rows[0]?.id;
    await client.query(
      `INSERT INTO customer (shop_id, shopify_customer_id, updated_at)
       SELECT $1, n, now() FROM generate_series(1, $2::int) AS n`,
      [shopId, customers],
    );
    await client.query(
      `INSERT INTO "order" (shop_id, shopify_order_id, customer_id, subtotal_price, financial_status,
                            shopify_created_at, updated_at)
       SELECT $1, 100000 + c.id, c.id, 10, 'paid', now() - interval '10 days', now() FROM customer c WHERE c.shop_id = $1`,
      [shopId],
    );
    const facts = await client.query<{ first: number; spans: number }>(
      `SELECT (SELECT count(*) FROM customer_first_order WHERE shop_id = $1)::int AS first,
              (SELECT count(*) FROM customer_active_span WHERE shop_id = $1)::int AS spans`,
      [shopId],
    );
    expect(facts.rows[0]).toEqual({ first: customers, spans: customers });
    await client.query(`DELETE FROM shop WHERE id = $1`, [shopId]);
    const left = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_first_order`);
    expect(left.rows[0]?.n).toBe(0);
  });
});
